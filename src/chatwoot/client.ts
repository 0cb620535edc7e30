/**
 * The Chatwoot API with the agent bot's token (axios). Timeouts; retries with exponential backoff and jitter on
 * 429, 5xx, timeouts and connection errors, honouring Retry-After; no duplicate message when a retry follows a lost
 * response (the bot's own echo, recorded by the worker, proves the first attempt landed); endpoints a Chatwoot
 * version refuses to bots are treated as a missing feature, logged once.
 */
import { createHash } from 'node:crypto';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { Logger } from '../logging/logger';
import {
  ChatwootRequestError,
  type ChatwootApi,
  type ConversationRef,
  type ConversationStatus,
  type OutgoingMessage,
  type SentMessage,
} from './api';

export interface EchoLedger {
  /** Whether Chatwoot echoed a message with this echo id (or this content) back to the bot since `since`. */
  delivered(ref: ConversationRef, echoId: string, content: string, since: Date): Promise<boolean>;
}

export interface ChatwootClientOptions {
  baseUrl: string;
  token: string;
  logger: Logger;
  timeoutMs?: number;
  maxAttempts?: number;
  /** Base of the exponential backoff; tests make it small. */
  backoffMs?: number;
  /** How long to wait for an echo before re-sending a message whose response was lost. */
  echoWaitMs?: number;
  echoes?: EchoLedger;
  onCall?: (endpoint: string, status: number | 'error') => void;
}

export const contentHash = (content: string) => createHash('sha256').update(content).digest('hex').slice(0, 32);

const NOT_FOR_BOTS = /not authorized for bots/i;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function retryAfterMs(header: unknown, fallback: number): number {
  if (typeof header !== 'string' || !header.trim()) return fallback;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.min(Math.max(seconds * 1000, 0), 60_000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.min(Math.max(date - Date.now(), 0), 60_000) : fallback;
}

export class ChatwootClient implements ChatwootApi {
  private readonly http: AxiosInstance;
  private readonly missingFeatures = new Set<string>();

  constructor(private readonly opts: ChatwootClientOptions) {
    this.http = axios.create({
      baseURL: opts.baseUrl.replace(/\/+$/, ''),
      timeout: opts.timeoutMs ?? 10_000,
      headers: { api_access_token: opts.token, 'content-type': 'application/json' },
      validateStatus: () => true,
      maxRedirects: 0,
    });
  }

  async sendMessage(ref: ConversationRef, message: OutgoingMessage, o: { echoId?: string } = {}): Promise<SentMessage> {
    const body = { ...message, ...(o.echoId ? { echo_id: o.echoId } : {}) };
    const since = new Date(Date.now() - 1000);
    const res = await this.call('messages', 'post', this.path(ref, 'messages'), body, async () => {
      // The previous attempt may have landed although its response was lost: look for its echo first.
      if (!o.echoId || !this.opts.echoes) return false;
      await sleep(this.opts.echoWaitMs ?? 1500);
      return this.opts.echoes.delivered(ref, o.echoId, message.content, since);
    });
    return { id: Number((res?.data as { id?: number } | undefined)?.id ?? 0) };
  }

  async toggleStatus(ref: ConversationRef, status: ConversationStatus): Promise<void> {
    await this.call('toggle_status', 'post', this.path(ref, 'toggle_status'), { status });
  }

  async setTyping(ref: ConversationRef, on: boolean): Promise<void> {
    await this.call('toggle_typing_status', 'post', this.path(ref, 'toggle_typing_status'), { typing_status: on ? 'on' : 'off', is_private: false });
  }

  async setCustomAttributes(ref: ConversationRef, attributes: Record<string, unknown>): Promise<void> {
    await this.call('custom_attributes', 'post', this.path(ref, 'custom_attributes'), { custom_attributes: attributes });
  }

  async assignTeam(ref: ConversationRef, teamId: number): Promise<void> {
    await this.call('assignments', 'post', this.path(ref, 'assignments'), { team_id: teamId });
  }

  /** In sandbox mode the port is known only once the server listens. */
  setBaseUrl(url: string): void {
    this.http.defaults.baseURL = url.replace(/\/+$/, '');
  }

  private path(ref: ConversationRef, what: string): string {
    return `/api/v1/accounts/${ref.accountId}/conversations/${ref.conversationId}/${what}`;
  }

  /**
   * One API call with retries. `alreadyDone` is asked before a retry that could duplicate a side effect.
   * Returns undefined when the endpoint is not available to bots in this Chatwoot version.
   */
  private async call(
    endpoint: string,
    method: 'post' | 'patch',
    url: string,
    body: unknown,
    alreadyDone?: () => Promise<boolean>,
  ): Promise<AxiosResponse | undefined> {
    const maxAttempts = this.opts.maxAttempts ?? 5;
    const base = this.opts.backoffMs ?? 500;
    let lastError = '';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1 && alreadyDone && (await alreadyDone().catch(() => false))) {
        this.opts.logger.info(`Chatwoot ${endpoint}: the earlier attempt was delivered (echo seen); not sending again`);
        return undefined;
      }
      const res: AxiosResponse | Error = await this.http.request({ method, url, data: body }).catch((err: Error) => err);
      if (res instanceof Error) {
        this.opts.onCall?.(endpoint, 'error');
        lastError = res.message;
        this.opts.logger.warn(`Chatwoot ${endpoint} failed (${lastError}), attempt ${attempt}/${maxAttempts}`);
        if (attempt < maxAttempts) await sleep(this.backoff(base, attempt));
        continue;
      }
      this.opts.onCall?.(endpoint, res.status);
      if (res.status >= 200 && res.status < 300) return res;
      const errorText = typeof res.data === 'object' && res.data ? JSON.stringify(res.data) : String(res.data ?? '');
      if (res.status === 401 && NOT_FOR_BOTS.test(errorText)) {
        if (!this.missingFeatures.has(endpoint)) {
          this.missingFeatures.add(endpoint);
          this.opts.logger.warn(`Chatwoot does not allow bots to call ${endpoint} in this version: skipping it from now on`);
        }
        return undefined;
      }
      const flood = res.status === 422 && /too many messages/i.test(errorText);
      const retryable = res.status === 429 || res.status >= 500 || flood;
      lastError = `HTTP ${res.status} ${errorText}`.slice(0, 500);
      if (!retryable) {
        const hint =
          res.status === 401
            ? ': check CHATWOOT_BOT_TOKEN (the agent bot access token) and that the bot is connected to this account'
            : res.status === 404
              ? ': the conversation or account does not exist in this Chatwoot'
              : '';
        throw new ChatwootRequestError(`Chatwoot ${endpoint} refused: ${lastError}${hint}`, res.status, res.data);
      }
      this.opts.logger.warn(`Chatwoot ${endpoint} answered ${res.status}, attempt ${attempt}/${maxAttempts}`);
      if (attempt < maxAttempts) await sleep(retryAfterMs(res.headers['retry-after'], this.backoff(base, attempt)));
    }
    throw new Error(`Chatwoot ${endpoint} failed after ${maxAttempts} attempts: ${lastError}`);
  }

  private backoff(base: number, attempt: number): number {
    const exp = Math.min(base * 2 ** (attempt - 1), 30_000);
    return exp / 2 + Math.random() * (exp / 2); // "equal jitter"
  }
}

/** Chatwoot replaces the whole custom-attributes hash: merge the patch into what the webhook showed. */
export function mergeCustomAttributes(current: Record<string, unknown> | undefined, patch: Record<string, unknown>): Record<string, unknown> {
  return { ...(current ?? {}), ...patch };
}

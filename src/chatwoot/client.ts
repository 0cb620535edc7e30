/**
 * The Chatwoot API with the agent bot's token (axios): one attempt per call, with a deadline. Retries live in one
 * place, the outbox (src/inbox/worker.ts), which backs off on 429 and 5xx, honours Retry-After, keeps the
 * conversation's lease alive while a call runs, and checks the echo ledger before sending a message again. A
 * retry loop here as well would multiply the attempts and outlast the lease (another replica then sent the same
 * message). Endpoints a Chatwoot version refuses to bots are treated as a missing feature, logged once.
 */
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { Logger } from '../logging/logger';
import {
  ChatwootRequestError,
  ChatwootRetryableError,
  type ChatwootApi,
  type ConversationRef,
  type ConversationStatus,
  type OutgoingMessage,
  type SentMessage,
} from './api';

export interface ChatwootClientOptions {
  baseUrl: string;
  token: string;
  logger: Logger;
  /** The deadline of one call. */
  timeoutMs?: number;
  onCall?: (endpoint: string, status: number | 'error') => void;
}

const NOT_FOR_BOTS = /not authorized for bots/i;

/** Retry-After (seconds or an HTTP date) in milliseconds, at most a minute; `fallback` when absent or unreadable. */
export function retryAfterMs(header: unknown, fallback: number): number;
export function retryAfterMs(header: unknown, fallback?: undefined): number | undefined;
export function retryAfterMs(header: unknown, fallback?: number): number | undefined {
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
    const res = await this.call('messages', this.path(ref, 'messages'), body);
    return { id: Number((res?.data as { id?: number } | undefined)?.id ?? 0) };
  }

  async toggleStatus(ref: ConversationRef, status: ConversationStatus): Promise<void> {
    await this.call('toggle_status', this.path(ref, 'toggle_status'), { status });
  }

  async setTyping(ref: ConversationRef, on: boolean): Promise<void> {
    await this.call('toggle_typing_status', this.path(ref, 'toggle_typing_status'), { typing_status: on ? 'on' : 'off', is_private: false });
  }

  async setCustomAttributes(ref: ConversationRef, attributes: Record<string, unknown>): Promise<void> {
    await this.call('custom_attributes', this.path(ref, 'custom_attributes'), { custom_attributes: attributes });
  }

  async assignTeam(ref: ConversationRef, teamId: number): Promise<void> {
    await this.call('assignments', this.path(ref, 'assignments'), { team_id: teamId });
  }

  /** In sandbox mode the port is known only once the server listens. */
  setBaseUrl(url: string): void {
    this.http.defaults.baseURL = url.replace(/\/+$/, '');
  }

  private path(ref: ConversationRef, what: string): string {
    return `/api/v1/accounts/${ref.accountId}/conversations/${ref.conversationId}/${what}`;
  }

  /**
   * One API call, one attempt. Throws ChatwootRetryableError (429, 5xx, Chatwoot's message flood limit, timeout,
   * connection error) or ChatwootRequestError (any other refusal). Returns undefined when the endpoint is not
   * available to bots in this Chatwoot version.
   */
  private async call(endpoint: string, url: string, body: unknown): Promise<AxiosResponse | undefined> {
    const res: AxiosResponse | Error = await this.http.post(url, body).catch((err: Error) => err);
    if (res instanceof Error) {
      this.opts.onCall?.(endpoint, 'error');
      throw new ChatwootRetryableError(`Chatwoot ${endpoint} failed: ${res.message}`, undefined, undefined);
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
    const problem = `HTTP ${res.status} ${errorText}`.slice(0, 500);
    if (res.status === 429 || res.status >= 500 || flood) {
      throw new ChatwootRetryableError(`Chatwoot ${endpoint} answered ${problem}`, res.status, retryAfterMs(res.headers['retry-after']));
    }
    const hint =
      res.status === 401
        ? ': check CHATWOOT_BOT_TOKEN (the agent bot access token) and that the bot is connected to this account'
        : res.status === 404
          ? ': the conversation or account does not exist in this Chatwoot'
          : '';
    throw new ChatwootRequestError(`Chatwoot ${endpoint} refused: ${problem}${hint}`, res.status, res.data);
  }
}

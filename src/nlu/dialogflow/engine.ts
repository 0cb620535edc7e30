/**
 * Dialogflow ES (v2) through @google-cloud/dialogflow: one SessionsClient reused for every conversation; global or
 * regional endpoints, environments, and DIALOGFLOW_API_ENDPOINT (`http://host:port` = a plain-text local server with
 * no Google credentials, for tests and emulators). Calls have a short deadline and no library retry storm; errors
 * become NluUnavailableError for the NLU_FALLBACK policy.
 */
import { createHash } from 'node:crypto';
import { v2 } from '@google-cloud/dialogflow';
import { grpc } from 'google-gax';
import type { Logger } from '../../logging/logger';
import { normalizeDialogflowParameters } from '../normalize';
import { NluUnavailableError, type FulfillmentMessage, type NluEngine, type NluQuery, type NluResult } from '../port';
import { jsonToStruct, structToJson, type Json } from './struct';

/** What the Dialogflow adapter needs (built from DIALOGFLOW_* in the wiring). */
export interface DialogflowOptions {
  projectId: string;
  /** `global` or a region such as `europe-west1`. */
  location: string;
  environment?: string;
  /** `host[:port]` (TLS), or `http://host:port` for a plain-text local server with no Google credentials. */
  apiEndpoint?: string;
  languageCode: string;
  /** The agent's languages; a guest language outside them is asked in `languageCode`. */
  supportedLanguages?: readonly string[];
  /** The deadline of one call. */
  timeoutMs: number;
  credentialsFile?: string;
}

export const MAX_TEXT = 256;

/** Dialogflow counts characters; cut long input at a sentence or word boundary rather than failing the call. */
export function clipText(text: string): string {
  const chars = [...text];
  if (chars.length <= MAX_TEXT) return text;
  const head = chars.slice(0, MAX_TEXT).join('');
  const sentence = head.search(/[.!?][^.!?]*$/);
  if (sentence > MAX_TEXT / 2) return head.slice(0, sentence + 1);
  const space = head.lastIndexOf(' ');
  return space > MAX_TEXT / 2 ? head.slice(0, space) : head;
}

/** At most 36 characters of [A-Za-z0-9_-]; longer ids are hashed (stable, no personal data). */
export function sessionIdOf(id: string): string {
  const clean = id.replace(/[^A-Za-z0-9_-]/g, '-');
  return clean.length <= 36 ? clean : `h-${createHash('sha256').update(id).digest('hex').slice(0, 34)}`;
}

export function clientOptions(cfg: DialogflowOptions): Record<string, unknown> {
  const regional = cfg.location !== 'global';
  const opts: Record<string, unknown> = {};
  if (cfg.credentialsFile) opts.keyFilename = cfg.credentialsFile;
  if (cfg.apiEndpoint?.startsWith('http://')) {
    const u = new URL(cfg.apiEndpoint);
    return { apiEndpoint: u.hostname, port: Number(u.port || 80), sslCreds: grpc.credentials.createInsecure(), universeDomain: 'googleapis.com' };
  }
  if (cfg.apiEndpoint) {
    const [host, port] = cfg.apiEndpoint.replace(/^https:\/\//, '').replace(/\/$/, '').split(':');
    return { ...opts, apiEndpoint: host, ...(port ? { port: Number(port) } : {}) };
  }
  return regional ? { ...opts, apiEndpoint: `${cfg.location}-dialogflow.googleapis.com` } : opts;
}

const REASONS: Record<number, NluUnavailableError['reason']> = { 4: 'timeout', 14: 'unavailable', 8: 'quota', 7: 'auth', 16: 'auth', 3: 'invalid' };

export class DialogflowNluEngine implements NluEngine {
  readonly name = 'dialogflow' as const;
  private readonly client: v2.SessionsClient;
  private quotaUntil = 0;
  private quotaBackoffMs = 1000;

  constructor(
    private readonly cfg: DialogflowOptions,
    private readonly opts: { logger: Logger },
  ) {
    this.client = new v2.SessionsClient(clientOptions(cfg) as never);
  }

  ready(): boolean {
    return true;
  }

  /** The agent's languages as configured, the default first. */
  get languages(): readonly string[] {
    return [this.cfg.languageCode, ...(this.cfg.supportedLanguages ?? []).filter((l) => l.toLowerCase() !== this.cfg.languageCode.toLowerCase())];
  }

  async close(): Promise<void> {
    await this.client.close().catch(() => undefined);
  }

  sessionPath(sessionId: string): string {
    const { projectId, location, environment } = this.cfg;
    const s = sessionIdOf(sessionId);
    if (environment) {
      return location !== 'global'
        ? this.client.projectLocationAgentEnvironmentUserSessionPath(projectId, location, environment, '-', s)
        : this.client.projectAgentEnvironmentUserSessionPath(projectId, environment, '-', s);
    }
    return location !== 'global' ? this.client.projectLocationAgentSessionPath(projectId, location, s) : this.client.projectAgentSessionPath(projectId, s);
  }

  /**
   * The language the query goes to Dialogflow in: the guest's when the agent has it (spelled as the agent spells it,
   * "pt-PT" → "pt-br" when that is the agent's Portuguese), else the agent's default language.
   */
  language(code: string | undefined): string {
    const agentLanguages = this.languages;
    const wanted = (code ?? '').trim().toLowerCase().replace('_', '-');
    const base = wanted.split('-')[0];
    if (!base) return this.cfg.languageCode;
    return (
      agentLanguages.find((l) => l.toLowerCase() === wanted) ??
      agentLanguages.find((l) => l.toLowerCase().split(/[-_]/)[0] === base) ??
      this.cfg.languageCode
    );
  }

  async detect(q: NluQuery): Promise<NluResult> {
    if (Date.now() < this.quotaUntil) throw new NluUnavailableError('Dialogflow quota exceeded recently; backing off', 'quota', 8);
    const session = this.sessionPath(q.sessionId);
    const languageCode = this.language(q.languageCode);
    const queryInput = q.event ? { event: { name: q.event, languageCode } } : { text: { text: clipText(q.text ?? ''), languageCode } };
    const contexts = (q.contexts ?? []).map((c) => ({
      name: `${session}/contexts/${c.name.toLowerCase()}`,
      lifespanCount: c.lifespan,
      ...(c.parameters ? { parameters: jsonToStruct(c.parameters as { [k: string]: Json }) } : {}),
    }));
    let response;
    try {
      const call = async () =>
        (
          await this.client.detectIntent(
            { session, queryInput, queryParams: { timeZone: q.timeZone, contexts, payload: jsonToStruct({ source: 'chatwoot' }) } } as never,
            { timeout: this.cfg.timeoutMs, retry: null } as never,
          )
        )[0];
      try {
        response = await call();
      } catch (err) {
        if ((err as { code?: number }).code !== 14) throw err;
        response = await call(); // one own retry on UNAVAILABLE, never the library's long retry loop
      }
    } catch (err) {
      const code = (err as { code?: number }).code ?? 2;
      if (code === 8) {
        this.quotaUntil = Date.now() + this.quotaBackoffMs;
        this.quotaBackoffMs = Math.min(this.quotaBackoffMs * 2, 32_000);
      }
      throw new NluUnavailableError(`Dialogflow: ${(err as Error).message}`, REASONS[code] ?? 'other', code);
    }
    this.quotaBackoffMs = 1000;
    const r = (response as { queryResult?: any }).queryResult ?? {};
    const raw = structToJson(r.parameters);
    const messages: FulfillmentMessage[] = [];
    for (const m of r.fulfillmentMessages ?? []) {
      if (m.text?.text?.length) messages.push({ type: 'text', text: m.text.text[0] });
      else if (m.payload) messages.push({ type: 'payload', payload: structToJson(m.payload) });
    }
    const prefix = `${session}/contexts/`;
    return {
      intent: r.intent?.displayName ?? 'Default Fallback Intent',
      confidence: Math.round((r.intentDetectionConfidence ?? 0) * 10_000) / 10_000,
      isFallback: Boolean(r.intent?.isFallback) || !r.intent,
      parameters: normalizeDialogflowParameters(raw, { timeZone: q.timeZone }),
      allRequiredParamsPresent: r.allRequiredParamsPresent !== false,
      messages,
      action: r.action || undefined,
      outputContexts: (r.outputContexts ?? []).map((c: any) => ({
        name: String(c.name ?? '').startsWith(prefix) ? String(c.name).slice(prefix.length) : String(c.name ?? '').split('/').pop(),
        lifespan: c.lifespanCount ?? 0,
        parameters: structToJson(c.parameters),
      })),
      engine: 'dialogflow',
      languageCode: r.languageCode || languageCode,
    };
  }
}

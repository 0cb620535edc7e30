/**
 * POST /webhooks/chatwoot: read the raw body, authenticate (HMAC signature or URL token), parse into a typed event,
 * hand it to `accept` (which stores it durably), and answer at once. No business logic here.
 *
 * Status codes: 415 not JSON, 413 over 1 MB, 401 any authentication failure (one body for all), 400 malformed or
 * invalid JSON, 200 accepted / duplicate / ignored. 500 only when *we* could not store the delivery (our database
 * is down): Chatwoot retries 500 (and 429), never 503.
 *
 * It is a plain Node handler, not Express middleware: the service's HTTP server calls it directly for this one
 * path (see app.ts), because the webhook is the hot path and Express's routing and response helpers were a third
 * of a delivery's time on the main thread. Everything else goes through Express.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import getRawBody from 'raw-body';
import type { Config } from '../config';
import type { Logger } from '../logging/logger';
import { accountIdOf, conversationOf, inboxIdOf, parseEvent, type ChatwootEvent } from './events';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';
import { tokenMatches, verifySignature } from './signature';

export interface AcceptedDelivery {
  deliveryId?: string;
  /**
   * The delivery proved it comes from Chatwoot (a valid signature, or the URL token). Only then may what it says
   * about identity (`hmac_verified`) be believed.
   */
  authenticated: boolean;
  /** The body carried a valid HMAC signature (the delivery header is not signed; the body is). */
  signed: boolean;
  event: ChatwootEvent;
  receivedAt: Date;
  raw: string;
}

export type WebhookOutcome = 'accepted' | 'duplicate' | 'ignored' | 'unauthorized' | 'invalid' | 'error';

export interface WebhookRouterOptions {
  chatwoot: Config['chatwoot'];
  logger: Logger;
  accept: (delivery: AcceptedDelivery) => Promise<'accepted' | 'duplicate'>;
  onOutcome?: (event: string, outcome: WebhookOutcome) => void;
  /** Seconds since the epoch; injectable for tests of the timestamp window. */
  now?: () => number;
}

export const MAX_BODY_BYTES = 1024 * 1024;
const UNAUTHORIZED = { error: 'unauthorized', message: 'Webhook authentication failed' };

function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const type = value.split(';')[0].trim().toLowerCase();
  return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** The `?token=` of the request's URL, read only when a WEBHOOK_TOKEN is configured. */
function queryToken(url: string | undefined): string | undefined {
  const q = url?.indexOf('?') ?? -1;
  if (q < 0) return undefined;
  return new URLSearchParams(url!.slice(q + 1)).get('token') ?? undefined;
}

/** Reads the body up to MAX_BODY_BYTES; a body-reading failure is the client's (413 or 400), never a 5xx. */
async function readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
  try {
    return await getRawBody(req, { limit: MAX_BODY_BYTES, length: req.headers['content-length'] });
  } catch (err) {
    const e = err as { type?: string; status?: number };
    if (e.type === 'entity.too.large' || e.status === 413) reply(res, 413, { error: 'payload_too_large', message: 'The body is over 1 MB' });
    else reply(res, 400, { error: 'bad_request', message: 'The request body could not be read' });
    return undefined;
  }
}

export function createWebhookHandler(opts: WebhookRouterOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { chatwoot } = opts;
  const outcome = (event: string, o: WebhookOutcome) => opts.onOutcome?.(event, o);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!isJsonContentType(req.headers['content-type'])) {
      outcome('unknown', 'invalid');
      req.resume(); // drain the body so the connection can be reused
      reply(res, 415, { error: 'unsupported_media_type', message: 'Send application/json' });
      return;
    }
    const raw = await readBody(req, res);
    if (!raw) {
      outcome('unknown', 'invalid');
      return;
    }
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const deliveryHeader = header('x-chatwoot-delivery');
    const deliveryId = deliveryHeader && deliveryHeader.length <= 200 ? deliveryHeader : undefined;
    // Child loggers are made only when something is logged: winston builds a child and formats a debug line even
    // when the level drops it, which was a seventh of the handler's time (profiled).
    let ref: string | undefined;
    const log = () => opts.logger.child({ delivery: (ref ??= deliveryId ?? `local-${randomUUID()}`) });

    // Authentication first, on the raw bytes, before any parsing.
    let authenticated = false;
    let signed = false;
    if (chatwoot.webhookToken && !tokenMatches(queryToken(req.url), chatwoot.webhookToken)) {
      log().warn('webhook rejected: wrong or missing ?token= (check WEBHOOK_TOKEN and the bot URL in Chatwoot)');
      outcome('unknown', 'unauthorized');
      reply(res, 401, UNAUTHORIZED);
      return;
    }
    if (chatwoot.webhookToken) authenticated = true;
    if (chatwoot.signatureMode !== 'off') {
      const check = verifySignature({
        rawBody: raw,
        signature: header('x-chatwoot-signature'),
        timestamp: header('x-chatwoot-timestamp'),
        secrets: chatwoot.webhookSecrets,
        nowSeconds: opts.now?.(),
      });
      if (check.ok) authenticated = signed = true;
      else {
        const hint =
          check.reason === 'stale'
            ? 'the X-Chatwoot-Timestamp is more than 300 s away: check both clocks (NTP)'
            : 'verify that the agent bot secret in Chatwoot matches CHATWOOT_WEBHOOK_SECRET';
        if (chatwoot.signatureMode === 'enforce') {
          log().warn(`webhook rejected: signature ${check.reason}; ${hint}`);
          outcome('unknown', 'unauthorized');
          reply(res, 401, UNAUTHORIZED);
          return;
        }
        log().warn(`webhook signature ${check.reason} (accepted: CHATWOOT_SIGNATURE_MODE=warn); ${hint}`);
      }
    }

    const text = raw.toString('utf8');
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      outcome('unknown', 'invalid');
      reply(res, 400, { error: 'too_deep', message: `The JSON nests more than ${MAX_JSON_DEPTH} levels` });
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      outcome('unknown', 'invalid');
      reply(res, 400, { error: 'malformed_json', message: 'The body is not valid JSON' });
      return;
    }
    const parsed = parseEvent(body);
    if (!parsed.ok) {
      outcome('unknown', 'invalid');
      reply(res, 400, { error: 'invalid_event', message: parsed.error });
      return;
    }
    const event = parsed.event;
    const name = event.event === 'unknown' ? 'unknown' : event.event;
    const accountId = accountIdOf(event);
    const inboxId = inboxIdOf(event);
    const conversation = conversationOf(event);
    const elog = () => log().child({ event: name, account: accountId, inbox: inboxId, conversation: conversation?.id });
    const debug = opts.logger.isDebugEnabled();

    const outsideAccounts = chatwoot.accountIds && accountId !== undefined && !chatwoot.accountIds.includes(accountId);
    const outsideInboxes = chatwoot.inboxIds && inboxId !== undefined && !chatwoot.inboxIds.includes(inboxId);
    if (event.event === 'unknown' || outsideAccounts || outsideInboxes) {
      if (debug) elog().debug('webhook ignored (unknown event or outside CHATWOOT_ACCOUNT_IDS / CHATWOOT_INBOX_IDS)');
      outcome(name, 'ignored');
      reply(res, 200, { status: 'ignored' });
      return;
    }

    try {
      const result = await opts.accept({ deliveryId, authenticated, signed, event, receivedAt: new Date(), raw: text });
      if (debug) elog().debug(`webhook ${result}`);
      outcome(name, result);
      reply(res, 200, { status: result });
    } catch (err) {
      // Our storage failed: 500 makes Chatwoot retry the same delivery (it retries 500 and 429 only).
      elog().error(`could not store the delivery: ${(err as Error).message}`);
      outcome(name, 'error');
      reply(res, 500, { error: 'storage_unavailable', message: 'Try again' });
    }
  };

  return (req, res) => {
    handle(req, res).catch((err) => {
      // Nothing above throws by design; if it ever does, the client still gets an answer and we a log line.
      opts.logger.error(`webhook handler failed: ${(err as Error).message}`);
      if (!res.headersSent) reply(res, 500, { error: 'internal_error', message: 'Try again' });
    });
  };
}

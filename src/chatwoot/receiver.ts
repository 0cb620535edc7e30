/**
 * POST /webhooks/chatwoot, the HTTP side only: content type, the raw body, then `verifyAndParse` (webhook.ts) for
 * authentication and the typed event, the allow-lists, and `accept` (which stores it durably); answers at once.
 * No business logic here.
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
import type { Logger } from '../logging/logger';
import type { ChatwootEvent } from './events';
import { MAX_BODY_BYTES, ignoredBecause, refuseContentType, verifyAndParse, whereOf, type Refusal, type WebhookSettings } from './webhook';

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
  raw: string;
}

export type WebhookOutcome = 'accepted' | 'duplicate' | 'ignored' | 'unauthorized' | 'invalid' | 'error';

export interface WebhookReceiverOptions {
  settings: WebhookSettings;
  logger: Logger;
  accept: (delivery: AcceptedDelivery) => Promise<'accepted' | 'duplicate'>;
  onOutcome?: (event: string, outcome: WebhookOutcome) => void;
  /** Seconds since the epoch; injectable for tests of the timestamp window. */
  now?: () => number;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const refuse = (res: ServerResponse, r: Refusal) => reply(res, r.status, { error: r.code, message: r.message });

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

export function createWebhookHandler(opts: WebhookReceiverOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { settings } = opts;
  const outcome = (event: string, o: WebhookOutcome) => opts.onOutcome?.(event, o);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Asked before reading the body: a non-JSON request is drained, not buffered.
    const badType = refuseContentType(req.headers);
    if (badType) {
      outcome('unknown', 'invalid');
      req.resume();
      refuse(res, badType);
      return;
    }
    const raw = await readBody(req, res);
    if (!raw) {
      outcome('unknown', 'invalid');
      return;
    }
    const verdict = verifyAndParse(req.headers, raw, settings, { url: req.url, nowSeconds: opts.now?.() });
    // Child loggers are made only when something is logged: winston builds a child and formats a debug line even
    // when the level drops it, which was a seventh of the handler's time (profiled).
    let ref: string | undefined;
    const log = () => opts.logger.child({ delivery: (ref ??= (verdict.ok ? verdict.deliveryId : undefined) ?? `local-${randomUUID()}`) });
    if (!verdict.ok) {
      if (verdict.status === 401) log().warn(`webhook rejected: ${verdict.reason}`);
      outcome('unknown', verdict.status === 401 ? 'unauthorized' : 'invalid');
      refuse(res, verdict);
      return;
    }
    for (const w of verdict.warnings) log().warn(`webhook ${w}`);

    const { event } = verdict;
    const name = event.event;
    const elog = () => {
      const where = whereOf(event);
      return log().child({ event: name, account: where.account, inbox: where.inbox, conversation: where.conversation });
    };
    const debug = opts.logger.isDebugEnabled();
    const ignored = ignoredBecause(event, settings);
    if (ignored) {
      if (debug) elog().debug(`webhook ignored: ${ignored}`);
      outcome(name, 'ignored');
      reply(res, 200, { status: 'ignored' });
      return;
    }

    try {
      const { deliveryId, authenticated, signed } = verdict;
      const result = await opts.accept({ deliveryId, authenticated, signed, event, raw: verdict.raw });
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

/**
 * POST /webhooks/chatwoot: read the raw body, authenticate (HMAC signature or URL token), parse into a typed event,
 * hand it to `accept` (which stores it durably), and answer at once. No business logic here.
 *
 * Status codes: 415 not JSON, 413 over 1 MB, 401 any authentication failure (one body for all), 400 malformed or
 * invalid JSON, 200 accepted / duplicate / ignored. 500 only when *we* could not store the delivery (our database
 * is down): Chatwoot retries 500 (and 429), never 503.
 */
import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Config } from '../config';
import type { Logger } from '../logging/logger';
import { accountIdOf, conversationOf, inboxIdOf, parseEvent, type ChatwootEvent } from './events';
import { tokenMatches, verifySignature } from './signature';

export interface AcceptedDelivery {
  deliveryId?: string;
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

export function createWebhookRouter(opts: WebhookRouterOptions): express.Router {
  const router = express.Router();
  const { chatwoot } = opts;
  const outcome = (event: string, o: WebhookOutcome) => opts.onOutcome?.(event, o);

  router.post(
    '/',
    (req: Request, res: Response, next: NextFunction) => {
      if (!isJsonContentType(req.headers['content-type'])) {
        outcome('unknown', 'invalid');
        res.status(415).json({ error: 'unsupported_media_type', message: 'Send application/json' });
        return;
      }
      next();
    },
    express.raw({ type: () => true, limit: MAX_BODY_BYTES }),
    async (req: Request, res: Response) => {
      const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const deliveryHeader = req.header('x-chatwoot-delivery');
      const deliveryId = deliveryHeader && deliveryHeader.length <= 200 ? deliveryHeader : undefined;
      // Child loggers are made only when something is logged: winston builds a child and formats a debug line even
      // when the level drops it, which was a seventh of the handler's time (profiled).
      let ref: string | undefined;
      const log = () => opts.logger.child({ delivery: (ref ??= deliveryId ?? `local-${randomUUID()}`) });

      // Authentication first, on the raw bytes, before any parsing.
      if (chatwoot.webhookToken && !tokenMatches(typeof req.query.token === 'string' ? req.query.token : undefined, chatwoot.webhookToken)) {
        log().warn('webhook rejected: wrong or missing ?token= (check WEBHOOK_TOKEN and the bot URL in Chatwoot)');
        outcome('unknown', 'unauthorized');
        res.status(401).json(UNAUTHORIZED);
        return;
      }
      if (chatwoot.signatureMode !== 'off') {
        const check = verifySignature({
          rawBody: raw,
          signature: req.header('x-chatwoot-signature'),
          timestamp: req.header('x-chatwoot-timestamp'),
          secrets: chatwoot.webhookSecrets,
          nowSeconds: opts.now?.(),
        });
        if (!check.ok) {
          const hint =
            check.reason === 'stale'
              ? 'the X-Chatwoot-Timestamp is more than 300 s away: check both clocks (NTP)'
              : 'verify that the agent bot secret in Chatwoot matches CHATWOOT_WEBHOOK_SECRET';
          if (chatwoot.signatureMode === 'enforce') {
            log().warn(`webhook rejected: signature ${check.reason}; ${hint}`);
            outcome('unknown', 'unauthorized');
            res.status(401).json(UNAUTHORIZED);
            return;
          }
          log().warn(`webhook signature ${check.reason} (accepted: CHATWOOT_SIGNATURE_MODE=warn); ${hint}`);
        }
      }

      const text = raw.toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        outcome('unknown', 'invalid');
        res.status(400).json({ error: 'malformed_json', message: 'The body is not valid JSON' });
        return;
      }
      const parsed = parseEvent(body);
      if (!parsed.ok) {
        outcome('unknown', 'invalid');
        res.status(400).json({ error: 'invalid_event', message: parsed.error });
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
        res.status(200).json({ status: 'ignored' });
        return;
      }

      try {
        const result = await opts.accept({ deliveryId, event, receivedAt: new Date(), raw: text });
        if (debug) elog().debug(`webhook ${result}`);
        outcome(name, result);
        res.status(200).json({ status: result });
      } catch (err) {
        // Our storage failed: 500 makes Chatwoot retry the same delivery (it retries 500 and 429 only).
        elog().error(`could not store the delivery: ${(err as Error).message}`);
        outcome(name, 'error');
        res.status(500).json({ error: 'storage_unavailable', message: 'Try again' });
      }
    },
  );

  // Body-parser errors (too large, aborted, bad encoding) are the client's: never a 5xx.
  router.use((err: { type?: string; status?: number; message?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (err.type === 'entity.too.large' || err.status === 413) {
      outcome('unknown', 'invalid');
      res.status(413).json({ error: 'payload_too_large', message: 'The body is over 1 MB' });
      return;
    }
    outcome('unknown', 'invalid');
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 400;
    res.status(status).json({ error: 'bad_request', message: 'The request body could not be read' });
  });

  return router;
}

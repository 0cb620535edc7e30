/**
 * One delivery in, one verdict out: authenticate the raw bytes (HMAC signature or URL token), then parse them into
 * a typed Chatwoot event, or refuse with the HTTP status and the reason. Pure: no I/O, no clock unless given one.
 * The HTTP receiver (receiver.ts) and `npm run chatwoot -- replay` both call it, so a saved delivery replays
 * exactly as it was judged when it arrived (octokit/webhooks.js keeps its `verifyAndReceive` apart the same way).
 */
import { conversationOf, accountIdOf, inboxIdOf, parseEvent, type ChatwootEvent } from './events';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';
import { tokenMatches, verifySignature } from './signature';

export type SignatureMode = 'enforce' | 'warn' | 'off';

/** What the receiver needs to know, built from the configuration in the wiring. */
export interface WebhookSettings {
  signatureMode: SignatureMode;
  /** Several during a rotation; any one of them may have signed the delivery. */
  webhookSecrets: string[];
  /** Chatwoot before 4.13: the `?token=` that must be on the webhook URL. */
  webhookToken?: string;
  accountIds?: number[];
  inboxIds?: number[];
}

export type DeliveryHeaders = Record<string, string | string[] | undefined>;

export interface Verified {
  ok: true;
  event: ChatwootEvent;
  /** X-Chatwoot-Delivery, when present and sane (not signed: the body is). */
  deliveryId?: string;
  /** The delivery proved it comes from Chatwoot (a valid signature, or the URL token). */
  authenticated: boolean;
  /** The body carried a valid HMAC signature. */
  signed: boolean;
  raw: string;
  /** Accepted despite a problem (CHATWOOT_SIGNATURE_MODE=warn): said in the log. */
  warnings: string[];
}

export type RefusalCode = 'unsupported_media_type' | 'payload_too_large' | 'unauthorized' | 'too_deep' | 'malformed_json' | 'invalid_event';

export interface Refusal {
  ok: false;
  status: 400 | 401 | 413 | 415;
  code: RefusalCode;
  /** What the client is told. One text for every authentication failure, so it learns nothing from it. */
  message: string;
  /** What the operator is told (logs, replay): the cause and what to check. */
  reason: string;
}

export type Verdict = Verified | Refusal;

/** Chatwoot's own bodies stay far below (its content limit is 150,000 characters). */
export const MAX_BODY_BYTES = 1024 * 1024;

const UNAUTHORIZED_MESSAGE = 'Webhook authentication failed';

/** Header lookup by lower-case name, whatever case a saved delivery wrote it in. */
export function headerOf(headers: DeliveryHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === wanted) return Array.isArray(v) ? v[0] : v;
  }
  return undefined;
}

function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const type = value.split(';')[0].trim().toLowerCase();
  return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
}

/** 415 unless the delivery says it is JSON; the receiver asks this before reading the body. */
export function refuseContentType(headers: DeliveryHeaders): Refusal | undefined {
  if (isJsonContentType(headerOf(headers, 'content-type'))) return undefined;
  return { ok: false, status: 415, code: 'unsupported_media_type', message: 'Send application/json', reason: 'the Content-Type is not JSON' };
}

/** The `?token=` of the request's URL. */
function queryToken(url: string | undefined): string | undefined {
  const q = url?.indexOf('?') ?? -1;
  if (q < 0) return undefined;
  return new URLSearchParams(url!.slice(q + 1)).get('token') ?? undefined;
}

const unauthorized = (reason: string): Refusal => ({ ok: false, status: 401, code: 'unauthorized', message: UNAUTHORIZED_MESSAGE, reason });

export function verifyAndParse(
  headers: DeliveryHeaders,
  rawBody: Buffer,
  settings: WebhookSettings,
  at: { url?: string; nowSeconds?: number } = {},
): Verdict {
  const badType = refuseContentType(headers);
  if (badType) return badType;
  if (rawBody.length > MAX_BODY_BYTES) {
    return { ok: false, status: 413, code: 'payload_too_large', message: 'The body is over 1 MB', reason: `the body is ${rawBody.length} bytes, over 1 MB` };
  }
  const warnings: string[] = [];

  // Authentication first, on the raw bytes, before any parsing.
  let authenticated = false;
  let signed = false;
  if (settings.webhookToken) {
    if (!tokenMatches(queryToken(at.url), settings.webhookToken)) {
      return unauthorized('wrong or missing ?token= (check WEBHOOK_TOKEN and the bot URL in Chatwoot)');
    }
    authenticated = true;
  }
  if (settings.signatureMode !== 'off') {
    const check = verifySignature({
      rawBody,
      signature: headerOf(headers, 'x-chatwoot-signature'),
      timestamp: headerOf(headers, 'x-chatwoot-timestamp'),
      secrets: settings.webhookSecrets,
      nowSeconds: at.nowSeconds,
    });
    if (check.ok) authenticated = signed = true;
    else {
      const hint =
        check.reason === 'stale'
          ? 'the X-Chatwoot-Timestamp is more than 300 s away: check both clocks (NTP)'
          : 'verify that the agent bot secret in Chatwoot matches CHATWOOT_WEBHOOK_SECRET';
      if (settings.signatureMode === 'enforce') return unauthorized(`signature ${check.reason}; ${hint}`);
      warnings.push(`signature ${check.reason} (accepted: CHATWOOT_SIGNATURE_MODE=warn); ${hint}`);
    }
  }

  const raw = rawBody.toString('utf8');
  if (nestsDeeperThan(raw, MAX_JSON_DEPTH)) {
    const message = `The JSON nests more than ${MAX_JSON_DEPTH} levels`;
    return { ok: false, status: 400, code: 'too_deep', message, reason: message };
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { ok: false, status: 400, code: 'malformed_json', message: 'The body is not valid JSON', reason: 'the body is not valid JSON' };
  }
  const parsed = parseEvent(body);
  if (!parsed.ok) return { ok: false, status: 400, code: 'invalid_event', message: parsed.error, reason: `not a Chatwoot event: ${parsed.error}` };

  const deliveryHeader = headerOf(headers, 'x-chatwoot-delivery');
  const deliveryId = deliveryHeader && deliveryHeader.length <= 200 ? deliveryHeader : undefined;
  return { ok: true, event: parsed.event, deliveryId, authenticated, signed, raw, warnings };
}

/**
 * Why a valid event is acknowledged and then left alone, or undefined when the bot takes it: an event this bot
 * does not know, or one from an account or inbox outside the allow-lists.
 */
export function ignoredBecause(event: ChatwootEvent, settings: Pick<WebhookSettings, 'accountIds' | 'inboxIds'>): string | undefined {
  if (event.event === 'unknown') return `"${event.name}" is not an event this bot handles`;
  const accountId = accountIdOf(event);
  if (settings.accountIds && accountId !== undefined && !settings.accountIds.includes(accountId)) {
    return `account ${accountId} is outside CHATWOOT_ACCOUNT_IDS`;
  }
  const inboxId = inboxIdOf(event);
  if (settings.inboxIds && inboxId !== undefined && !settings.inboxIds.includes(inboxId)) return `inbox ${inboxId} is outside CHATWOOT_INBOX_IDS`;
  return undefined;
}

/** Where an event belongs, for logs and the replay report. */
export function whereOf(event: ChatwootEvent): { event: string; account?: number; inbox?: number; conversation?: number } {
  return { event: event.event, account: accountIdOf(event), inbox: inboxIdOf(event), conversation: conversationOf(event)?.id };
}

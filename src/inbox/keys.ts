/**
 * Deduplication and ordering keys of a delivery.
 * - Ordering: one queue per conversation, keyed by inbox and display id (both present on every event; conversation
 *   events carry no account id). The widget opening before any conversation is keyed by its contact inbox.
 * - Dedupe: what the event *means*, so a retried delivery, a pre-4.13 duplicate without a delivery id and a read
 *   receipt repeating an old submission all collapse to one: message id (+ submitted values); for a signed status
 *   event, its signed meaning; else the delivery id.
 */
import { createHash } from 'node:crypto';
import { conversationOf, inboxIdOf, isConversationEvent, isMessageEvent, submissionOf, type ChatwootEvent } from '../chatwoot/events';

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

export function conversationKeyOf(event: ChatwootEvent): string | undefined {
  const inboxId = inboxIdOf(event);
  const conversation = conversationOf(event);
  if (inboxId !== undefined && conversation) return `i${inboxId}:c${conversation.id}`;
  if (event.event === 'webwidget_triggered' && inboxId !== undefined) return `i${inboxId}:w${event.id ?? event.source_id ?? 'x'}`;
  return undefined;
}

/**
 * `signed`: the delivery's body carried a valid HMAC signature. X-Chatwoot-Delivery is not covered by the signature,
 * so for signed deliveries the key comes from the signed body alone: a replay inside the signature window with a new
 * header is still a duplicate. With token authentication (Chatwoot before 4.13) nothing is signed and the header is
 * the best there is.
 */
export function dedupeKeyOf(event: ChatwootEvent, deliveryId: string | undefined, raw: string, opts: { signed?: boolean } = {}): string {
  const delivery = opts.signed ? hash(raw) : (deliveryId ?? hash(raw));
  if (isMessageEvent(event)) {
    const base = `${event.event === 'message_created' ? 'mc' : 'mu'}:a${event.account.id}:m${event.id}`;
    if (event.event === 'message_created') return base;
    const submission = submissionOf(event);
    return submission ? `${base}:s${hash(JSON.stringify(submission))}` : `${base}:r${delivery}`;
  }
  if (opts.signed && isConversationEvent(event)) {
    // What a status event means: which change, to which conversation, as of when (Chatwoot's updated_at).
    const updatedAt = (event as { updated_at?: unknown }).updated_at;
    const meaning = [event.event, event.inbox_id, event.id, event.status, updatedAt ?? hash(raw)];
    return `cs:${hash(JSON.stringify(meaning))}`;
  }
  return opts.signed ? `h:${delivery}` : deliveryId ? `d:${deliveryId}` : `h:${hash(raw)}`;
}

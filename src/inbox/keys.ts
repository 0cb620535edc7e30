/**
 * Deduplication and ordering keys of a delivery.
 * - Ordering: one queue per conversation, keyed by inbox and display id (both present on every event; conversation
 *   events carry no account id). The widget opening before any conversation is keyed by its contact inbox.
 * - Dedupe: what the event *means*, so a retried delivery, a pre-4.13 duplicate without a delivery id and a read
 *   receipt repeating an old submission all collapse to one: message id (+ submitted values); else delivery id.
 */
import { createHash } from 'node:crypto';
import { conversationOf, inboxIdOf, isMessageEvent, submissionOf, type ChatwootEvent } from '../chatwoot/events';

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

export function conversationKeyOf(event: ChatwootEvent): string | undefined {
  const inboxId = inboxIdOf(event);
  const conversation = conversationOf(event);
  if (inboxId !== undefined && conversation) return `i${inboxId}:c${conversation.id}`;
  if (event.event === 'webwidget_triggered' && inboxId !== undefined) return `i${inboxId}:w${event.id ?? event.source_id ?? 'x'}`;
  return undefined;
}

export function dedupeKeyOf(event: ChatwootEvent, deliveryId: string | undefined, raw: string): string {
  if (isMessageEvent(event)) {
    const base = `${event.event === 'message_created' ? 'mc' : 'mu'}:a${event.account.id}:m${event.id}`;
    if (event.event === 'message_created') return base;
    const submission = submissionOf(event);
    return submission ? `${base}:s${hash(JSON.stringify(submission))}` : `${base}:r${deliveryId ?? hash(raw)}`;
  }
  return deliveryId ? `d:${deliveryId}` : `h:${hash(raw)}`;
}

/**
 * The edge between Chatwoot and the dialogue: a Chatwoot event becomes the dialogue's own input (who, where, which
 * channel and language, what the guest did) once, here; the dialogue never reads a Chatwoot payload.
 */
import { channelFromChatwoot } from '../chatwoot/channel';
import { isMessageEvent, submissionOf, type ChatwootConversation, type ChatwootEvent, inboxIdOf } from '../chatwoot/events';
import type { ConversationInfo, GuestInput } from '../dialogue/port';

function languageOf(c: ChatwootConversation, event: ChatwootEvent): string | undefined {
  const fromConversation = (c.additional_attributes as { browser_language?: unknown }).browser_language;
  if (typeof fromConversation === 'string' && fromConversation) return fromConversation;
  const sender = (c.meta as { sender?: { additional_attributes?: { language_code?: unknown } | null } | null }).sender;
  const fromContact = sender?.additional_attributes?.language_code;
  if (typeof fromContact === 'string' && fromContact) return fromContact;
  if (event.event === 'webwidget_triggered') {
    const l = (event.event_info as { browser_language?: unknown } | null | undefined)?.browser_language;
    if (typeof l === 'string') return l;
  }
  return undefined;
}

/** `authenticated`: the delivery was signed (or carried the URL token); an unauthenticated one verifies no one. */
export function conversationInfo(event: ChatwootEvent, c: ChatwootConversation, accountId: number, authenticated: boolean): ConversationInfo {
  const meta = c.meta as {
    sender?: { id?: number; name?: string | null; email?: string | null; phone_number?: string | null } | null;
    hmac_verified?: boolean | null;
  };
  const sender = meta.sender ?? (event.event === 'webwidget_triggered' ? event.contact : undefined) ?? undefined;
  return {
    accountId,
    conversationId: c.id,
    inboxId: inboxIdOf(event) ?? c.inbox_id ?? 0,
    channel: channelFromChatwoot(c.channel),
    contact: {
      id: sender?.id,
      name: sender?.name ?? undefined,
      email: sender?.email ?? undefined,
      phone: sender?.phone_number ?? undefined,
      verified: authenticated && Boolean(meta.hmac_verified ?? c.contact_inbox?.hmac_verified),
    },
    language: languageOf(c, event),
    status: c.status,
  };
}

export function guestInputOf(event: ChatwootEvent, kind: 'message' | 'submission' | 'widget_opened' | 'resumed', unanswered?: string): GuestInput {
  if (kind === 'message' && isMessageEvent(event)) {
    return { kind: 'message', text: (event.content ?? '').trim(), hasAttachments: Boolean(event.attachments?.length), messageId: event.id };
  }
  if (kind === 'submission' && isMessageEvent(event)) {
    const s = submissionOf(event)!;
    return { kind: 'submission', values: s.values, sourceMessageId: event.id, email: s.email };
  }
  return kind === 'widget_opened' ? { kind: 'widget_opened' } : { kind: 'resumed', ...(unanswered ? { unanswered } : {}) };
}


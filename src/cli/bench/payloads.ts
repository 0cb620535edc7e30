/**
 * Chatwoot-shaped webhook deliveries for load generation: the same shape as a real `message_created` from a web
 * widget guest (CONTRACT.md §4.1), unique per message, signed like Chatwoot 4.13 signs them.
 */
import { createHmac, randomUUID } from 'node:crypto';

export interface GuestMessage {
  accountId: number;
  inboxId: number;
  conversationId: number;
  contactId: number;
  messageId: number;
  text: string;
}

export function incomingMessagePayload(m: GuestMessage): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  const iso = new Date().toISOString();
  const sourceId = `bench-${m.contactId}`;
  const contactPush = {
    additional_attributes: {},
    custom_attributes: {},
    email: null,
    id: m.contactId,
    identifier: null,
    name: `Guest ${m.contactId}`,
    phone_number: null,
    thumbnail: '',
    blocked: false,
    type: 'contact',
  };
  return {
    account: { id: m.accountId, name: 'Hotel Miramar' },
    additional_attributes: {},
    content_attributes: { in_reply_to: null },
    content_type: 'text',
    content: m.text,
    conversation: {
      additional_attributes: { browser_language: 'en' },
      can_reply: true,
      channel: 'Channel::WebWidget',
      contact_inbox: {
        id: m.contactId,
        contact_id: m.contactId,
        inbox_id: m.inboxId,
        source_id: sourceId,
        created_at: iso,
        updated_at: iso,
        hmac_verified: false,
        pubsub_token: 'bench',
      },
      id: m.conversationId,
      inbox_id: m.inboxId,
      messages: [
        {
          id: m.messageId,
          content: m.text,
          account_id: m.accountId,
          inbox_id: m.inboxId,
          conversation_id: m.conversationId,
          message_type: 0,
          created_at: now,
          updated_at: iso,
          private: false,
          status: 'sent',
          source_id: null,
          content_type: 'text',
          content_attributes: { in_reply_to: null },
          sender_type: 'Contact',
          sender_id: m.contactId,
          external_source_ids: {},
          additional_attributes: {},
          processed_message_content: m.text,
          sentiment: {},
          conversation: { assignee_id: null, unread_count: 1, last_activity_at: now, contact_inbox: { source_id: sourceId } },
          sender: contactPush,
        },
      ],
      labels: [],
      meta: { sender: contactPush, assignee: null, assignee_type: null, team: null, hmac_verified: false },
      status: 'pending',
      custom_attributes: {},
      snoozed_until: null,
      unread_count: 1,
      first_reply_created_at: null,
      priority: null,
      waiting_since: now,
      agent_last_seen_at: 0,
      contact_last_seen_at: 0,
      last_activity_at: now,
      timestamp: now,
      created_at: now,
      updated_at: now + 0.5,
    },
    created_at: iso,
    id: m.messageId,
    inbox: { id: m.inboxId, name: 'Miramar Website' },
    message_type: 'incoming',
    private: false,
    sender: { account: { id: m.accountId, name: 'Hotel Miramar' }, ...contactPush, avatar: '', type: undefined },
    source_id: null,
    event: 'message_created',
  };
}

/** Headers Chatwoot 4.13 sends with a signed delivery. */
export function signedHeaders(rawBody: string, secret: string, deliveryId: string = randomUUID()): Record<string, string> {
  const ts = String(Math.floor(Date.now() / 1000));
  const sig = createHmac('sha256', secret).update(`${ts}.${rawBody}`).digest('hex');
  return {
    'content-type': 'application/json',
    'x-chatwoot-delivery': deliveryId,
    'x-chatwoot-timestamp': ts,
    'x-chatwoot-signature': `sha256=${sig}`,
  };
}

/** A starting message id no earlier run used: milliseconds since 2026 × 1000 leaves room for 1,000 ids a millisecond. */
export function uniqueIdBase(): number {
  return (Date.now() - Date.UTC(2026, 0, 1)) * 1000;
}

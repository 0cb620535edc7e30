/**
 * Chatwoot's webhook shapes (CONTRACT.md §4), built the way Chatwoot builds them: Message#webhook_data with the
 * conversation's push data, the last message in push form, contact/agent/bot sender shapes, ISO vs unix times.
 */
import type { Contact, Conversation, Inbox, Message, SandboxWorld } from './world';

const unix = (ms: number) => Math.floor(ms / 1000);
const iso = (ms: number) => new Date(ms).toISOString();

function contactWebhook(w: SandboxWorld, c: Contact) {
  return {
    account: { id: w.account.id, name: w.account.name },
    additional_attributes: {},
    avatar: '',
    custom_attributes: {},
    email: c.email,
    id: c.id,
    identifier: null,
    name: c.name,
    phone_number: c.phone,
    thumbnail: '',
    blocked: false,
  };
}

function contactPush(c: Contact) {
  return { additional_attributes: {}, custom_attributes: {}, email: c.email, id: c.id, identifier: null, name: c.name, phone_number: c.phone, thumbnail: '', blocked: false, type: 'contact' };
}

function senderWebhook(w: SandboxWorld, m: Message) {
  if (m.sender.type === 'contact') return contactWebhook(w, w.contacts.get(m.sender.id)!);
  if (m.sender.type === 'user') return { id: m.sender.id, name: m.sender.name, email: 'staff@hotel.example', type: 'user' };
  if (m.sender.type === 'agent_bot') return { id: m.sender.id, name: m.sender.name, type: 'agent_bot' };
  return null;
}

function senderPush(w: SandboxWorld, m: Message) {
  if (m.sender.type === 'contact') return contactPush(w.contacts.get(m.sender.id)!);
  if (m.sender.type === 'user') return { id: m.sender.id, name: m.sender.name, available_name: m.sender.name, avatar_url: '', type: 'user', availability_status: 'online', thumbnail: '' };
  if (m.sender.type === 'agent_bot') return { id: m.sender.id, name: m.sender.name, avatar_url: '', type: 'agent_bot' };
  return undefined;
}

const MESSAGE_TYPE_INT = { incoming: 0, outgoing: 1, activity: 2, template: 3 } as const;

function messagePush(w: SandboxWorld, conv: Conversation, m: Message) {
  const sender = senderPush(w, m);
  return {
    id: m.id,
    content: m.content,
    account_id: w.account.id,
    inbox_id: conv.inboxId,
    conversation_id: conv.id,
    message_type: MESSAGE_TYPE_INT[m.messageType],
    created_at: unix(m.createdAt),
    updated_at: iso(m.updatedAt),
    private: m.private,
    status: m.status,
    source_id: null,
    content_type: m.contentType,
    content_attributes: m.contentAttributes,
    sender_type: m.sender.type === 'contact' ? 'Contact' : m.sender.type === 'user' ? 'User' : m.sender.type === 'agent_bot' ? 'AgentBot' : null,
    sender_id: m.sender.type === 'none' ? null : m.sender.id,
    external_source_ids: {},
    additional_attributes: {},
    processed_message_content: m.content,
    sentiment: {},
    conversation: { assignee_id: conv.assigneeId, unread_count: 0, last_activity_at: unix(conv.lastActivityAt), contact_inbox: { source_id: conv.sourceId } },
    ...(m.echoId ? { echo_id: m.echoId } : {}),
    ...(sender ? { sender } : {}),
  };
}

export function conversationWebhook(w: SandboxWorld, conv: Conversation) {
  const inbox = w.inboxes.get(conv.inboxId)!;
  const contact = w.contacts.get(conv.contactId)!;
  const last = [...conv.messages].reverse().find((m) => !m.private && m.messageType !== 'activity');
  return {
    additional_attributes: inbox.channel === 'Channel::WebWidget' ? { browser: { device_name: 'Unknown', browser_name: 'Chrome', platform_name: 'Linux', browser_version: '126.0', platform_version: '' }, referer: 'http://localhost/', initiated_at: { timestamp: new Date(conv.createdAt).toString() }, ...(conv.browserLanguage ? { browser_language: conv.browserLanguage } : {}) } : {},
    can_reply: true,
    channel: inbox.channel,
    contact_inbox: { id: conv.contactInboxId, contact_id: contact.id, inbox_id: inbox.id, source_id: conv.sourceId, created_at: iso(conv.createdAt), updated_at: iso(conv.createdAt), hmac_verified: contact.verified, pubsub_token: 'sandbox' },
    id: conv.id,
    inbox_id: inbox.id,
    messages: last ? [messagePush(w, conv, last)] : [],
    labels: [],
    meta: {
      sender: contactPush(contact),
      assignee: conv.assigneeId ? { id: conv.assigneeId, name: 'Hotel staff', available_name: 'Hotel staff', avatar_url: '', type: 'user', availability_status: 'online', thumbnail: '' } : null,
      assignee_type: conv.assigneeId ? 'User' : null,
      team: conv.teamId ? { id: conv.teamId, name: 'Reservations' } : null,
      hmac_verified: contact.verified,
    },
    status: conv.status,
    custom_attributes: conv.customAttributes,
    snoozed_until: null,
    unread_count: 0,
    first_reply_created_at: null,
    priority: conv.priority,
    waiting_since: 0,
    agent_last_seen_at: 0,
    contact_last_seen_at: 0,
    last_activity_at: unix(conv.lastActivityAt),
    timestamp: unix(conv.lastActivityAt),
    created_at: unix(conv.createdAt),
    updated_at: conv.updatedAt / 1000,
  };
}

export function messageWebhook(w: SandboxWorld, conv: Conversation, m: Message, event: 'message_created' | 'message_updated') {
  const inbox: Inbox = w.inboxes.get(conv.inboxId)!;
  return {
    account: { id: w.account.id, name: w.account.name },
    additional_attributes: {},
    content_attributes: m.contentAttributes,
    content_type: m.contentType,
    content: m.content,
    conversation: conversationWebhook(w, conv),
    created_at: iso(m.createdAt),
    id: m.id,
    inbox: { id: inbox.id, name: inbox.name },
    message_type: m.messageType,
    private: m.private,
    sender: senderWebhook(w, m),
    source_id: null,
    event,
  };
}

export function conversationEvent(w: SandboxWorld, conv: Conversation, event: string, changed: unknown) {
  return { ...conversationWebhook(w, conv), event, ...(event === 'conversation_status_changed' || event === 'conversation_updated' ? { changed_attributes: changed } : {}) };
}

export function webwidgetTriggered(w: SandboxWorld, conv: Conversation | null, contact: Contact, inbox: Inbox, contactInboxId: number, sourceId: string) {
  return {
    id: contactInboxId,
    contact: contactWebhook(w, contact),
    inbox: { id: inbox.id, name: inbox.name },
    account: { id: w.account.id, name: w.account.name },
    current_conversation: conv ? conversationWebhook(w, conv) : null,
    source_id: sourceId,
    event: 'webwidget_triggered',
    event_info: { initiated_at: { timestamp: new Date().toString() }, referer: 'http://localhost/', widget_language: conv?.browserLanguage ?? 'en', ...(conv?.browserLanguage ? { browser_language: conv.browserLanguage } : {}), browser: { browser_name: 'Chrome', browser_version: '126.0', device_name: 'Unknown', platform_name: 'Linux', platform_version: '' } },
  };
}

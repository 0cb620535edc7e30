/**
 * Typed, validated events for everything Chatwoot sends an agent bot (CONTRACT.md §1, §4).
 * Schemas are loose: unknown extra fields are kept, and fields that differ between Chatwoot versions are optional,
 * so a newer or older Chatwoot still parses. Only what the bot relies on is required.
 */
import { z } from 'zod';

const id = z.number().int();
const looseRecord = z.record(z.string(), z.unknown());

export const statusSchema = z.enum(['open', 'resolved', 'pending', 'snoozed']);
export type ConversationStatusValue = z.infer<typeof statusSchema>;

const senderSchema = z.looseObject({
  id: id.optional(),
  name: z.string().nullish(),
  email: z.string().nullish(),
  phone_number: z.string().nullish(),
  type: z.string().nullish(),
  additional_attributes: looseRecord.nullish(),
});
export type Sender = z.infer<typeof senderSchema>;

const pushMessageSchema = z.looseObject({
  id: id.optional(),
  account_id: id.optional(),
  message_type: z.union([z.number(), z.string()]).optional(),
  sender_type: z.string().nullish(),
  sender_id: id.nullish(),
  echo_id: z.string().nullish(),
  content: z.string().nullish(),
});

export const conversationSchema = z.looseObject({
  id,
  inbox_id: id.optional(),
  status: statusSchema,
  channel: z.string().optional().default('Channel::Api'),
  can_reply: z.boolean().optional(),
  custom_attributes: looseRecord.nullish().transform((v) => v ?? {}),
  additional_attributes: looseRecord.nullish().transform((v) => v ?? {}),
  contact_inbox: z
    .looseObject({ id: id.optional(), contact_id: id.optional(), source_id: z.string().nullish(), hmac_verified: z.boolean().nullish() })
    .nullish(),
  meta: z
    .looseObject({
      sender: senderSchema.nullish(),
      assignee: senderSchema.nullish(),
      assignee_type: z.string().nullish(),
      team: z.looseObject({ id: id.optional(), name: z.string().nullish() }).nullish(),
      hmac_verified: z.boolean().nullish(),
    })
    .nullish()
    .transform((v) => v ?? {}),
  messages: z.array(pushMessageSchema).nullish().transform((v) => v ?? []),
  labels: z.array(z.string()).nullish(),
});
export type ChatwootConversation = z.infer<typeof conversationSchema>;

const attachmentSchema = z.looseObject({ id: id.optional(), file_type: z.string().optional(), data_url: z.string().nullish() });

const MESSAGE_EVENTS = ['message_created', 'message_updated'] as const;
const CONVERSATION_EVENTS = ['conversation_opened', 'conversation_resolved', 'conversation_status_changed', 'conversation_updated'] as const;

const messageSchema = z.looseObject({
  event: z.enum(MESSAGE_EVENTS),
  id,
  content: z.string().nullish().transform((v) => v ?? null),
  content_type: z.string().nullish().transform((v) => v ?? 'text'),
  content_attributes: z
    .union([looseRecord, z.string()])
    .nullish()
    .transform((v) => {
      if (typeof v === 'string') {
        try {
          return JSON.parse(v) as Record<string, unknown>;
        } catch {
          return {};
        }
      }
      return v ?? {};
    }),
  message_type: z.union([z.enum(['incoming', 'outgoing', 'template', 'activity']), z.number()]).transform((v) =>
    typeof v === 'number' ? (['incoming', 'outgoing', 'activity', 'template'][v] ?? 'activity') : v,
  ),
  private: z.boolean().nullish().transform((v) => v ?? false),
  sender: senderSchema.nullish().transform((v) => v ?? null),
  account: z.looseObject({ id }),
  inbox: z.looseObject({ id }),
  conversation: conversationSchema,
  attachments: z.array(attachmentSchema).optional(),
  created_at: z.union([z.string(), z.number()]).optional(),
  source_id: z.string().nullish(),
});
export type MessageEvent = z.infer<typeof messageSchema>;

const changedAttributesSchema = z
  .union([z.array(looseRecord), looseRecord])
  .nullish()
  .transform((v) => (v == null ? null : Array.isArray(v) ? v : [v]));

const conversationEventSchema = conversationSchema.extend({
  event: z.enum(CONVERSATION_EVENTS),
  changed_attributes: changedAttributesSchema,
});
export type ConversationEvent = z.infer<typeof conversationEventSchema>;

const webwidgetSchema = z.looseObject({
  event: z.literal('webwidget_triggered'),
  id: id.optional(),
  contact: senderSchema.nullish(),
  inbox: z.looseObject({ id }),
  account: z.looseObject({ id }),
  current_conversation: conversationSchema.nullish(),
  source_id: z.string().nullish(),
  event_info: looseRecord.nullish(),
});
export type WebwidgetTriggeredEvent = z.infer<typeof webwidgetSchema>;

/** Every event this bot understands, told apart by its `event` field. */
const knownEventSchema = z.discriminatedUnion('event', [messageSchema, conversationEventSchema, webwidgetSchema]);
type KnownEvent = z.infer<typeof knownEventSchema>;
const KNOWN_EVENTS: ReadonlySet<string> = new Set([...MESSAGE_EVENTS, ...CONVERSATION_EVENTS, 'webwidget_triggered']);

/** An event string this bot does not know (a newer Chatwoot): acknowledged and ignored. */
export interface UnknownEvent {
  event: 'unknown';
  name: string;
}

export type ChatwootEvent = KnownEvent | UnknownEvent;

export type ParseResult = { ok: true; event: ChatwootEvent } | { ok: false; error: string };

const envelopeSchema = z.looseObject({ event: z.string() });

export function parseEvent(body: unknown): ParseResult {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, error: 'the body must be a JSON object' };
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return { ok: false, error: 'missing "event"' };
  const name = envelope.data.event;
  if (!KNOWN_EVENTS.has(name)) return { ok: true, event: { event: 'unknown', name: name.slice(0, 100) } };
  const parsed = knownEventSchema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, error: `${name}: ${first.path.join('.') || '(root)'}: ${first.message}` };
  }
  return { ok: true, event: parsed.data };
}

export const isMessageEvent = (e: ChatwootEvent): e is MessageEvent => (MESSAGE_EVENTS as readonly string[]).includes(e.event);
export const isConversationEvent = (e: ChatwootEvent): e is ConversationEvent => (CONVERSATION_EVENTS as readonly string[]).includes(e.event);

export function conversationOf(e: ChatwootEvent): ChatwootConversation | null {
  if (isMessageEvent(e)) return e.conversation;
  if (isConversationEvent(e)) return e;
  if (e.event === 'webwidget_triggered') return e.current_conversation ?? null;
  return null;
}

/** Conversation events carry no account; the last message (push form) has it when there is one. */
export function accountIdOf(e: ChatwootEvent): number | undefined {
  if (isMessageEvent(e) || e.event === 'webwidget_triggered') return e.account.id;
  if (isConversationEvent(e)) return e.messages.find((m) => typeof m.account_id === 'number')?.account_id;
  return undefined;
}

export function inboxIdOf(e: ChatwootEvent): number | undefined {
  if (isMessageEvent(e) || e.event === 'webwidget_triggered') return e.inbox.id;
  if (isConversationEvent(e)) return e.inbox_id;
  return undefined;
}

export type SubmittedValue = { name?: string; title?: string; value: string };

/** What a guest submitted on a bot message (CONTRACT §5.2): option click, form, email; null when nothing. */
export function submissionOf(e: MessageEvent): { values: SubmittedValue[]; email?: string } | null {
  const attrs = e.content_attributes;
  const email = typeof attrs.submitted_email === 'string' && attrs.submitted_email ? attrs.submitted_email : undefined;
  const raw = attrs.submitted_values;
  const values: SubmittedValue[] = [];
  if (Array.isArray(raw)) {
    for (const v of raw) {
      if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        const value = o.value ?? o.title;
        if (value === undefined || value === null) continue;
        values.push({
          name: typeof o.name === 'string' ? o.name : undefined,
          title: typeof o.title === 'string' ? o.title : undefined,
          value: String(value),
        });
      }
    }
  }
  if (!values.length && !email) return null;
  return { values, email };
}

/** The conversation's status as a pre-4.13 or 4.13 `changed_attributes` reports it, if it reports one. */
export function statusChangeOf(e: ConversationEvent): { from?: string; to?: string } | null {
  for (const entry of e.changed_attributes ?? []) {
    const s = (entry as Record<string, unknown>).status as { previous_value?: string; current_value?: string } | undefined;
    if (s && typeof s === 'object') return { from: s.previous_value, to: s.current_value };
  }
  return null;
}

/**
 * The dialogue's port: from (conversation state, what the guest did) to (replies, new state, handoff).
 * It knows no HTTP, SQL or Express; it talks to the NLU and reservations ports it is given.
 */
import type { NluEngine } from '../nlu/port';
import type { Hotel } from '../reservations/hotel';
import type { ReservationStore } from '../reservations/port';
import type { OutgoingMessage } from '../chatwoot/api';

/** The channel decides which rich messages the guest can see (SPEC "Rich messages follow the channel"). */
export type Channel = 'web_widget' | 'whatsapp' | 'facebook' | 'telegram' | 'line' | 'instagram' | 'email' | 'api' | 'sms' | 'other';

export interface Option {
  title: string;
  value: string;
  /** Detail shown beside a short title where the channel has room for it (e.g. the price of a room). */
  description?: string;
}

export interface FormField {
  name: string;
  label: string;
  type: 'text' | 'email' | 'text_area' | 'select';
  placeholder?: string;
  default?: string;
  options?: Array<{ label: string; value: string }>;
}

export interface Card {
  title: string;
  description: string;
  imageUrl?: string;
  link?: { text: string; url: string };
}

/** What the bot says, independent of channel; the Chatwoot layer renders it for the channel. */
export type Reply =
  | { kind: 'text'; text: string }
  | { kind: 'options'; text: string; options: Option[] }
  | { kind: 'cards'; text: string; cards: Card[] }
  | { kind: 'form'; text: string; fields: FormField[]; submitLabel: string }
  | { kind: 'articles'; text: string; articles: Array<{ title: string; description: string; link: string }> }
  | { kind: 'email'; text: string }
  /** A Chatwoot message exactly as the agent's custom payload authored it. */
  | { kind: 'raw'; message: OutgoingMessage };

export interface Contact {
  id?: number;
  name?: string;
  email?: string;
  phone?: string;
  /** Chatwoot's identity validation: the hotel's website signed this visitor. */
  verified: boolean;
}

export interface ConversationInfo {
  accountId: number;
  conversationId: number;
  inboxId: number;
  channel: Channel;
  contact: Contact;
  /** e.g. "es" from the widget's browser language or the contact's language. */
  language?: string;
  status: 'open' | 'resolved' | 'pending' | 'snoozed';
}

/** What happened, as the worker hands it to the dialogue after the guards said "act". */
export type GuestInput =
  | { kind: 'message'; text: string; hasAttachments: boolean; messageId: number }
  /** A click or form on one of the bot's own messages: `sourceMessageId` is that message's Chatwoot id. */
  | { kind: 'submission'; values: Array<{ name?: string; title?: string; value: string }>; sourceMessageId: number; email?: string }
  | { kind: 'widget_opened' }
  /** Staff set the conversation back to pending: the bot takes over again. */
  | { kind: 'resumed' };

export type HandoffReason =
  | 'guest_request'
  | 'low_confidence'
  | 'out_of_scope'
  | 'agent_payload'
  | 'error'
  | 'nlu_unavailable';

export interface Handoff {
  reason: HandoffReason;
  /** What the guest is told before staff take over. */
  guestMessage: string;
  /** The private note for staff: why, what the guest asked, the booking draft, contact details. */
  note: string;
}

export interface Decision {
  replies: Reply[];
  /** The conversation state to keep (opaque to everyone but the dialogue). */
  state: unknown;
  handoff?: Handoff;
  resolve?: boolean;
  /** Private notes for staff that are not a handoff (agent assist). */
  notes?: string[];
}

export interface DialogueDeps {
  nlu: NluEngine;
  reservations: ReservationStore;
  /** Every hotel this service answers for; the conversation's inbox picks one. */
  hotels: Hotel[];
  handoffConfidence: number;
  now: () => Date;
}

export interface Dialogue {
  /** `state` is what the previous Decision returned for this conversation (undefined for a new one). */
  handle(input: GuestInput, conversation: ConversationInfo, state: unknown): Promise<Decision>;
  /**
   * Agent assist: while a person handles the conversation the bot never writes to the guest, but it may prepare
   * one short private note for staff from the guest's message (a booking looked up, availability, a FAQ answer).
   */
  assist?(text: string, conversation: ConversationInfo): Promise<string | undefined>;
}

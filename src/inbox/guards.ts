/**
 * The guards: whether the bot acts on an event at all (SPEC "Conversation behaviour", CONTRACT §3, §6, §10).
 * Chatwoot sends the bot every message of its inboxes, including its own replies, agents' replies, private notes and
 * messages of open or resolved conversations: each rule below filters one of those out.
 */
import {
  isConversationEvent,
  isMessageEvent,
  statusChangeOf,
  submissionOf,
  type ChatwootEvent,
  type MessageEvent,
} from '../chatwoot/events';

/** What the bot remembers of the conversation (persisted by the worker). */
export interface ConversationMemory {
  status?: string;
  /** A person replied while the conversation was pending: the bot stays out until it is set to pending again. */
  humanTakeover: boolean;
  /** The bot handed the conversation to staff (status → open). */
  handedOff: boolean;
  /** Chatwoot's updated_at (unix seconds) of the newest status information acted on, including the bot's handoff. */
  statusAt?: number;
}

/** The conversation's `updated_at` in a payload: Chatwoot's own clock (unix seconds, a float; ISO in some shapes). */
export function chatwootClock(conversation: unknown): number | undefined {
  const v = (conversation as { updated_at?: unknown } | null | undefined)?.updated_at;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const ms = Date.parse(v);
    return Number.isNaN(ms) ? undefined : ms / 1000;
  }
  return undefined;
}

export type GuardVerdict =
  | { act: true; kind: 'message' | 'submission' | 'widget_opened' | 'resumed' }
  | { act: false; reason: string; record?: 'bot_echo' | 'human_reply' | 'staff_reply' | 'status' | 'unanswered' };

const SUBMITTABLE = new Set(['input_select', 'form', 'input_email']);

// An assignee alone does not mean a person is talking: a resolved conversation the guest reopens keeps its
// assignee and is pending, i.e. the bot's again (CONTRACT §3.9). A person *replying* while pending is a takeover.

export function guard(event: ChatwootEvent, memory: ConversationMemory, opts: { botId?: number } = {}): GuardVerdict {
  if (isMessageEvent(event)) return guardMessage(event, memory, opts);
  if (isConversationEvent(event)) {
    // Staff handed the conversation back (open → pending). Only an event that reports a status change counts
    // (conversation_updated also fires for custom attributes and assignments), and only once: the bot must
    // not already consider the conversation pending. resolved → pending happens when the guest writes again,
    // and that message itself is answered, so it is not a separate "resumed" turn.
    const change = statusChangeOf(event);
    const reportsStatus = event.event !== 'conversation_updated' || change?.to !== undefined;
    // Chatwoot sends each event as a job of its own: a status event older than what the bot acted on (the
    // creation event's open → pending arriving after the bot's own handoff, say) says nothing new.
    const at = chatwootClock(event);
    if (reportsStatus && at !== undefined && memory.statusAt !== undefined && at <= memory.statusAt) {
      return { act: false, reason: `status event older than the last one acted on (${at} ≤ ${memory.statusAt})` };
    }
    const wasOpen = memory.status === 'open' || memory.status === 'snoozed';
    if (event.status === 'pending' && reportsStatus && wasOpen && (change?.from === undefined || change.from !== 'resolved')) {
      return { act: true, kind: 'resumed' };
    }
    return { act: false, reason: `conversation is ${event.status}`, record: reportsStatus ? 'status' : undefined };
  }
  if (event.event === 'webwidget_triggered') {
    const c = event.current_conversation;
    if (!c) return { act: false, reason: 'widget opened with no conversation yet (the widget greets by itself)' };
    if (c.status !== 'pending') return { act: false, reason: `conversation is ${c.status}` };
    return { act: true, kind: 'widget_opened' };
  }
  return { act: false, reason: 'unknown event' };
}

function guardMessage(e: MessageEvent, memory: ConversationMemory, opts: { botId?: number }): GuardVerdict {
  const senderType = e.sender?.type ?? null;
  if (e.event === 'message_created') {
    if (e.message_type === 'outgoing' && senderType === 'agent_bot') return { act: false, reason: 'the bot’s own message', record: 'bot_echo' };
    if (e.private) return { act: false, reason: 'private note' };
    if (e.message_type === 'outgoing') {
      // A person answering in a pending conversation takes it over (Chatwoot keeps it pending).
      if (senderType !== 'user') return { act: false, reason: 'outgoing message' };
      return e.conversation.status === 'pending' && !memory.handedOff
        ? { act: false, reason: 'a person replied while pending', record: 'staff_reply' }
        : { act: false, reason: 'a person replied', record: 'human_reply' };
    }
    if (e.message_type !== 'incoming') return { act: false, reason: `${e.message_type} message` };
    // A guest's message while a person is in charge: kept, so the bot can answer it if staff hand back unanswered.
    if (e.conversation.status !== 'pending') return { act: false, reason: `conversation is ${e.conversation.status}`, record: e.conversation.status === 'open' ? 'unanswered' : undefined };
    if (memory.humanTakeover) return { act: false, reason: 'a person took over', record: 'unanswered' };
    // Handed off, and this message is not newer than the handoff on Chatwoot's clock: staff have not handed back.
    const at = chatwootClock(e.conversation);
    if (memory.handedOff && at !== undefined && memory.statusAt !== undefined && at <= memory.statusAt) {
      return { act: false, reason: 'handed off and not handed back since', record: 'unanswered' };
    }
    return { act: true, kind: 'message' };
  }
  // message_updated: only the guest's submission on the bot's own interactive message.
  if (e.message_type !== 'outgoing' || senderType !== 'agent_bot') return { act: false, reason: 'update of a message that is not the bot’s' };
  if (opts.botId !== undefined && e.sender?.id !== undefined && e.sender.id !== opts.botId) return { act: false, reason: 'another bot’s message' };
  if (!SUBMITTABLE.has(e.content_type)) return { act: false, reason: `update of a ${e.content_type} message` };
  if (!submissionOf(e)) return { act: false, reason: 'status update (read receipt), nothing submitted' };
  if (e.private) return { act: false, reason: 'private note' };
  if (e.conversation.status !== 'pending') return { act: false, reason: `conversation is ${e.conversation.status}` };
  if (memory.humanTakeover) return { act: false, reason: 'a person took over' };
  return { act: true, kind: 'submission' };
}

import { parseEvent, type ChatwootEvent } from '../../src/chatwoot/events';
import { guard, type ConversationMemory } from '../../src/inbox/guards';
import { fixture } from '../support/fixtures';

const ev = (name: string, edit?: (b: any) => void): ChatwootEvent => {
  const body = fixture(name);
  edit?.(body);
  const r = parseEvent(body);
  if (!r.ok) throw new Error(r.error);
  return r.event;
};
const fresh: ConversationMemory = { humanTakeover: false, handedOff: false };

describe('guards: when the bot acts', () => {
  it('acts on an incoming, public message in a pending conversation', () => {
    expect(guard(ev('message_created.incoming.json'), fresh)).toEqual({ act: true, kind: 'message' });
  });
  it('acts on an incoming message after resolved → pending (the guest wrote again)', () => {
    expect(guard(ev('message_created.incoming.reopened_pending.json'), fresh)).toMatchObject({ act: true });
  });
  it('never answers its own messages (and records the echo)', () => {
    expect(guard(ev('message_created.outgoing_by_bot.json'), fresh)).toMatchObject({ act: false, record: 'bot_echo' });
    expect(guard(ev('message_created.input_select_by_bot.json'), fresh)).toMatchObject({ act: false, record: 'bot_echo' });
  });
  it('ignores private notes', () => {
    expect(guard(ev('message_created.private_note_by_agent.json'), fresh)).toMatchObject({ act: false, reason: 'private note' });
  });
  it('ignores an agent’s reply, and an agent replying in a pending conversation is a takeover', () => {
    expect(guard(ev('message_created.outgoing_by_agent.json'), fresh)).toMatchObject({ act: false });
    const inPending = ev('message_created.outgoing_by_agent.json', (b) => (b.conversation.status = 'pending'));
    // Chatwoot keeps it pending (CONTRACT §3.12): the bot is told to step aside (it opens the conversation itself).
    expect(guard(inPending, fresh)).toMatchObject({ act: false, record: 'staff_reply' });
    // Once handed off, a person's reply is only a reply.
    expect(guard(inPending, { ...fresh, handedOff: true })).toMatchObject({ act: false, record: 'human_reply' });
  });
  it('keeps a guest message written while a person is in charge, to answer it after a hand-back', () => {
    expect(guard(ev('message_created.incoming.open_conversation.json'), fresh)).toMatchObject({ act: false, record: 'unanswered' });
    expect(guard(ev('message_created.incoming.json'), { ...fresh, humanTakeover: true })).toMatchObject({ act: false, record: 'unanswered' });
  });
  it('orders status events by Chatwoot’s clock: one older than the last acted on is ignored', () => {
    const handBack = ev('conversation_status_changed.json', (b) => {
      b.status = 'pending';
      b.updated_at = 1779268700.5;
    });
    const handedOff = { ...fresh, status: 'open', handedOff: true };
    // The creation event (open → pending) delivered after the bot's own handoff, stamped at 1779268800.
    expect(guard(handBack, { ...handedOff, statusAt: 1779268800 })).toMatchObject({ act: false });
    // A real hand-back, newer than the handoff.
    expect(guard(handBack, { ...handedOff, statusAt: 1779268600 })).toEqual({ act: true, kind: 'resumed' });
  });
  it('after a handoff, answers a pending conversation’s message only when it is newer than the handoff', () => {
    const msg = (at: number) => ev('message_created.incoming.json', (b) => (b.conversation.updated_at = at));
    const handedOff = { ...fresh, handedOff: true, statusAt: 1779268800 };
    expect(guard(msg(1779268790), handedOff)).toMatchObject({ act: false, record: 'unanswered' });
    expect(guard(msg(1779268900), handedOff)).toEqual({ act: true, kind: 'message' });
  });
  it('stays silent after a person took over, even in a pending conversation', () => {
    expect(guard(ev('message_created.incoming.json'), { ...fresh, humanTakeover: true })).toMatchObject({ act: false, reason: 'a person took over' });
    // A leftover assignee from before a resolve is not a takeover: the reopened pending conversation is the bot's.
    expect(guard(ev('message_created.incoming.reopened_pending.json'), fresh)).toMatchObject({ act: true });
  });
  it('ignores templates (CSAT)', () => {
    expect(guard(ev('message_created.template_csat.json'), fresh)).toMatchObject({ act: false });
  });
  it.each(['open', 'resolved', 'snoozed'])('stays silent when the conversation is %s', (status) => {
    expect(guard(ev('message_created.incoming.json', (b) => (b.conversation.status = status)), fresh)).toMatchObject({ act: false, reason: `conversation is ${status}` });
    expect(guard(ev('message_created.incoming.open_conversation.json'), fresh)).toMatchObject({ act: false });
  });
  it('acts on the guest’s submission of the bot’s own option list, form and email box', () => {
    for (const f of ['message_updated.input_select_submitted.json', 'message_updated.form_submitted.json', 'message_updated.input_email_submitted.json']) {
      expect(guard(ev(f), fresh)).toEqual({ act: true, kind: 'submission' });
    }
  });
  it('ignores read receipts, CSAT ratings and another bot’s message', () => {
    expect(guard(ev('message_updated.outgoing_status_read.json'), fresh)).toMatchObject({ act: false });
    expect(guard(ev('message_updated.csat_submitted.json'), fresh)).toMatchObject({ act: false });
    expect(guard(ev('message_updated.input_select_submitted.json'), fresh, { botId: 99 })).toMatchObject({ act: false, reason: 'another bot’s message' });
  });
  it('ignores a submission in an open conversation', () => {
    expect(guard(ev('message_updated.input_select_submitted.json', (b) => (b.conversation.status = 'open')), fresh)).toMatchObject({ act: false });
  });
  it('takes the conversation back when staff set it to pending (open → pending), once', () => {
    const handBack = ev('conversation_status_changed.json', (b) => (b.status = 'pending'));
    expect(guard(handBack, { status: 'open', humanTakeover: false, handedOff: true })).toEqual({ act: true, kind: 'resumed' });
    expect(guard(handBack, { status: 'pending', humanTakeover: false, handedOff: false })).toMatchObject({ act: false });
  });
  it('does not treat resolved → pending or a custom-attribute update as a hand-back', () => {
    expect(guard(ev('conversation_status_changed.resolved_to_pending.json', (b) => (b.changed_attributes = [{ status: { previous_value: 'resolved', current_value: 'pending' } }])), { status: 'open', humanTakeover: false, handedOff: false })).toMatchObject({ act: false });
    const attrs = ev('conversation_updated.handoff.json', (b) => {
      b.status = 'pending';
      b.changed_attributes = [{ custom_attributes: { previous_value: {}, current_value: { bot_handoff_reason: 'x' } } }];
    });
    expect(guard(attrs, { status: 'open', humanTakeover: false, handedOff: true })).toMatchObject({ act: false });
  });
  it('records status changes (handoff observed) without acting', () => {
    expect(guard(ev('conversation_opened.json'), fresh)).toMatchObject({ act: false });
    expect(guard(ev('conversation_resolved.json'), fresh)).toMatchObject({ act: false, record: 'status' });
  });
  it('greets when the widget opens on a pending conversation, not before a conversation exists', () => {
    expect(guard(ev('webwidget_triggered.json'), fresh)).toMatchObject({ act: false });
    // The returning visitor's last conversation as the contract's fixture has it: resolved, so no greeting yet.
    const returning = (status: string) => ev('webwidget_triggered.returning_visitor.json', (b) => (b.current_conversation.status = status));
    expect(guard(ev('webwidget_triggered.returning_visitor.json'), fresh)).toMatchObject({ act: false });
    expect(guard(returning('pending'), fresh)).toMatchObject({ act: true });
    // A person has it open: no greeting over them.
    expect(guard(returning('open'), fresh)).toMatchObject({ act: false });
  });
});

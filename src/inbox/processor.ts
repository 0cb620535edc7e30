/**
 * One turn: a stored event → guards → dialogue → (in one statement, InboxStore.complete) the new conversation state,
 * the Chatwoot actions to deliver, and the event marked processed. A turn whose dialogue keeps failing is handed to staff
 * rather than dropped: the guest is never left unanswered.
 */
import { accountIdOf, conversationOf, inboxIdOf, isMessageEvent, type ChatwootEvent } from '../chatwoot/events';
import type { Database } from '../db/database';
import { chatwootClock, guard } from './guards';
import { conversationInfo, guestInputOf } from './edge';
import type { ConversationInfo, Decision, Dialogue, GuestInput } from '../dialogue/port';
import { wordingFor } from '../dialogue/wording';
import type { Logger } from '../logging/logger';
import { decisionToActions } from './actions';
import type { ConversationFields, ConversationStore } from './conversation-store';
import type { InboxStore, OutboxAction, StoredEvent } from './store';

export const MAX_TURN_ATTEMPTS = 3;

export interface ProcessorDeps {
  /** Agent assist (AGENT_ASSIST): private notes for staff in conversations a person handles. */
  assist?: { enabled: boolean; maxNotesPerConversation: number };
  db: Database;
  store: InboxStore;
  conversations: ConversationStore;
  dialogue: Dialogue;
  logger: Logger;
  handoffTeamId?: number;
  botId?: number;
  onHandoff?: (reason: string) => void;
  onTurn?: (kind: string) => void;
}

export type TurnResult = 'processed' | 'ignored' | 'duplicate';

/** When the dialogue cannot run at all: apologise and hand over with what we know. */
function errorHandoff(input: GuestInput, info: ConversationInfo, error: string): Decision {
  const said = input.kind === 'message' ? input.text : input.kind === 'submission' ? input.values.map((v) => v.title ?? v.value).join(', ') : '';
  return {
    replies: [],
    state: undefined,
    handoff: {
      reason: 'error',
      // The dialogue could not run, so its choice of language is unknown: Chatwoot's hint, else English.
      guestMessage: wordingFor(info.language, 'en').handoffError,
      note: [
        '[Hotel bot] Handoff · reason: error (the bot could not process this message)',
        said ? `Guest wrote: “${said}”` : '',
        `Contact: ${[info.contact.name, info.contact.email, info.contact.phone].filter(Boolean).join(' · ') || 'unknown'}`,
        `Error: ${error.slice(0, 300)}`,
      ]
        .filter(Boolean)
        .join('\n'),
    },
  };
}

export class TurnProcessor {
  constructor(private readonly deps: ProcessorDeps) {}

  /** A guest's public message in a conversation a person handles (open, or taken over while pending). */
  private assistable(event: ChatwootEvent, memory: { humanTakeover: boolean }, notesSoFar: number): boolean {
    const a = this.deps.assist;
    if (!a?.enabled || !this.deps.dialogue.assist || notesSoFar >= a.maxNotesPerConversation) return false;
    if (!isMessageEvent(event) || event.event !== 'message_created' || event.message_type !== 'incoming' || event.private) return false;
    if (!event.content?.trim()) return false;
    return event.conversation.status === 'open' || (event.conversation.status === 'pending' && memory.humanTakeover);
  }

  async process(stored: StoredEvent): Promise<TurnResult> {
    const { db, store, conversations, logger } = this.deps;
    const event = stored.payload as ChatwootEvent;
    const c = conversationOf(event);
    const record = await conversations.get(stored.conversationKey);
    const memory = { status: record?.status, humanTakeover: record?.humanTakeover ?? false, handedOff: record?.handedOff ?? false, statusAt: record?.statusAt };
    const verdict = guard(event, memory, { botId: this.deps.botId });
    const accountId = accountIdOf(event) ?? record?.accountId;
    const log = logger.child({ delivery: stored.deliveryId, conversation: c?.id, account: accountId, eventId: stored.id, event: stored.event });

    if (!verdict.act && c && accountId !== undefined && this.assistable(event, memory, record?.assistNotes ?? 0)) {
      const info = conversationInfo(event, c, accountId, stored.authenticated);
      const note = await this.deps.dialogue.assist!((isMessageEvent(event) && event.content) || '', info).catch((err) => {
        log.warn(`agent assist failed: ${(err as Error).message}`);
        return undefined;
      });
      if (note) {
        const action: OutboxAction = { type: 'message', message: { content: note, private: true } };
        const ok = await store.complete(db, stored, 'assist', [{ accountId, conversationId: c.id, action }], (onlyIf) =>
          conversations.upsertStatement(
            stored.conversationKey,
            {
              accountId,
              inboxId: info.inboxId,
              conversationId: c.id,
              status: c.status,
              assistNotesDelta: 1,
              // The note helps staff; the message is still the guest's, answered after a hand-back if nobody did.
              ...(verdict.record === 'unanswered' && isMessageEvent(event) ? { unanswered: (event.content ?? '').slice(0, 2000) || null } : {}),
            },
            onlyIf,
          ),
        );
        return ok ? 'processed' : 'duplicate';
      }
    }

    const channelOf = (e: ChatwootEvent) => conversationInfo(e, c!, accountId ?? 0, false).channel;
    if (!verdict.act || !c || accountId === undefined) {
      const reason = verdict.act ? 'no account known for this conversation yet' : verdict.reason;
      if (logger.isDebugEnabled()) log.debug(`ignored ${stored.event}: ${reason}`);
      let fields: ConversationFields | undefined;
      let actions: OutboxAction[] = [];
      if (c) {
        const base = { accountId, inboxId: inboxIdOf(event), conversationId: c.id };
        if (!verdict.act && verdict.record === 'staff_reply' && accountId !== undefined) {
          // Staff wrote to the guest while Chatwoot keeps the conversation pending: the bot steps aside in the open
          // (reason staff_reply, status open) and says nothing to the guest; staff hand back by setting pending.
          actions = decisionToActions(
            { replies: [], state: undefined, handoff: { reason: 'staff_reply', guestMessage: '', note: '' } },
            { channel: channelOf(event), customAttributes: (c.custom_attributes ?? {}) as Record<string, unknown> },
          );
          fields = { ...base, status: 'open', humanTakeover: true, handedOff: true, unanswered: null, statusAt: chatwootClock(c) };
          this.deps.onHandoff?.('staff_reply');
        } else if (!verdict.act && verdict.record === 'human_reply') fields = { ...base, humanTakeover: true, unanswered: null };
        else if (!verdict.act && verdict.record === 'unanswered' && isMessageEvent(event)) fields = { ...base, unanswered: (event.content ?? '').slice(0, 2000) || null };
        else if (!verdict.act && verdict.record === 'status') {
          const resolved = c.status === 'resolved';
          fields = { ...base, status: c.status, ...(resolved ? { humanTakeover: false, handedOff: false } : {}) };
        } else if (isMessageEvent(event)) fields = { ...base, status: c.status };
        // e.g. conversation_updated for custom attributes: its status may be older than what we know.
        else fields = base;
      }
      const ok = await store.complete(
        db,
        stored,
        `ignored: ${reason}`.slice(0, 200),
        actions.map((action) => ({ accountId: accountId!, conversationId: c!.id, action })),
        fields && ((onlyIf) => conversations.upsertStatement(stored.conversationKey, fields, onlyIf)),
      );
      return ok ? 'ignored' : 'duplicate';
    }

    const info = conversationInfo(event, c, accountId, stored.authenticated);
    const input = guestInputOf(event, verdict.kind, record?.unanswered);
    if (logger.isDebugEnabled()) log.debug(`turn: ${input.kind}`);
    this.deps.onTurn?.(input.kind);
    let decision: Decision;
    if (stored.attempts >= MAX_TURN_ATTEMPTS) {
      log.error(`turn failed ${stored.attempts} times: handing the conversation to staff`);
      decision = errorHandoff(input, info, 'repeated failures');
    } else {
      decision = await this.deps.dialogue.handle(input, info, record?.state);
    }
    const actions: OutboxAction[] = decisionToActions(decision, {
      channel: info.channel,
      customAttributes: (c.custom_attributes ?? {}) as Record<string, unknown>,
      handoffTeamId: this.deps.handoffTeamId,
    });
    const ok = await store.complete(
      db,
      stored,
      input.kind,
      actions.map((action) => ({ accountId, conversationId: c.id, action })),
      (onlyIf) =>
        conversations.upsertStatement(
          stored.conversationKey,
          {
            accountId,
            inboxId: info.inboxId,
            conversationId: c.id,
            status: decision.handoff ? 'open' : c.status,
            ...(input.kind === 'resumed' || input.kind === 'message' ? { humanTakeover: false, handedOff: false, unanswered: null } : {}),
            // The handoff is stamped with Chatwoot's clock of the event it answered: status events from before it
            // (delivered late) are recognised as older.
            ...(decision.handoff ? { handedOff: true, statusAt: chatwootClock(c) } : input.kind === 'resumed' ? { statusAt: chatwootClock(event) } : {}),
            state: decision.state ?? record?.state ?? {},
          },
          onlyIf,
        ),
    );
    if (ok && decision.handoff) {
      log.info(`handing the conversation to staff: ${decision.handoff.reason}`);
      this.deps.onHandoff?.(decision.handoff.reason);
    }
    return ok ? 'processed' : 'duplicate';
  }
}

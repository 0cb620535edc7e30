/**
 * The last resort when the bot cannot finish something after its retries: a turn that keeps failing (even its own
 * error handoff), or a Chatwoot call that keeps failing. The conversation goes to staff with a note built only from
 * constant words and numbers, so that writing it can never fail for the reason the work did (a guest's text that
 * PostgreSQL refuses, say). These actions are marked `lastResort`: when they fail too, nothing more is queued.
 */
import { accountIdOf, conversationOf, type ChatwootEvent } from '../chatwoot/events';
import type { OutboxAction } from './store';

/** Attempts of a turn before the worker stops: the processor's error handoff gets the last ones. */
export const MAX_EVENT_ATTEMPTS = 5;
/** Attempts of one Chatwoot call before the outbox stops (with worker.ts's backoff, about 19 minutes of waiting). */
export const MAX_ACTION_ATTEMPTS = 12;

export function lastResortHandoff(what: string): OutboxAction[] {
  const note = [
    '[Hotel bot] Handoff · reason: error',
    `${what}, and stopped trying.`,
    'Please read the conversation and reply to the guest.',
  ].join('\n');
  return [
    { type: 'message', message: { content: note, private: true }, lastResort: true },
    { type: 'status', status: 'open', lastResort: true },
  ];
}

/** The Chatwoot conversation a stored event belongs to, when the event says. */
export function conversationRefOf(payload: unknown): { accountId: number; conversationId: number } | undefined {
  const event = payload as ChatwootEvent;
  const conversation = conversationOf(event);
  const accountId = accountIdOf(event);
  return conversation && accountId !== undefined ? { accountId, conversationId: conversation.id } : undefined;
}

/**
 * The outbox's delivery bookkeeping: a claim takes the due actions in order up to the first one waiting for its
 * retry and counts an attempt for each (so a delivery after a crash checks for an echo first); a failure defers
 * the failed action and gives the attempt back to the ones behind it, which were never sent.
 */
import { ConversationStore } from '../../src/inbox/conversation-store';
import { InboxStore, type OutboxAction, type StoredEvent } from '../../src/inbox/store';
import { databaseKinds, openTestDatabase } from '../support/db';

const say = (content: string): OutboxAction => ({ type: 'message', message: { content } });

describe.each(databaseKinds)('outbox claims (%s)', (kind) => {
  it('claims in order, defers a failure, gives back the untried ones, and resumes when due', async () => {
    const t = await openTestDatabase(kind);
    try {
      const store = new InboxStore(t.db);
      const key = 'i7:c42';
      expect(await store.accept({ dedupeKey: 'd-1', conversationKey: key, event: 'message_created', payload: { n: 1 } })).toBe('accepted');
      const event = (await store.nextEvent(key)) as StoredEvent;
      const actions = ['one', 'two', 'three'].map((c) => ({ accountId: 1, conversationId: 42, action: say(c) }));
      expect(await t.db.transaction((tx) => store.complete(tx, event, 'message', actions))).toBe(true);

      const first = await store.claimActions(key);
      expect(first.blocked).toBe(false);
      expect(first.rows.map((r) => (r.action as { message: { content: string } }).message.content)).toEqual(['one', 'two', 'three']);
      expect(first.rows.map((r) => r.attempts)).toEqual([0, 0, 0]);

      // "one" is delivered; "two" fails: "three" was never tried.
      await store.actionDone(first.rows[0].id);
      await store.deferAction(first.rows[1], 'HTTP 503', 60_000);
      const attempts = await t.db.query<{ id: string; attempts: number }>('SELECT id, attempts FROM outbox ORDER BY id');
      expect(attempts.map((r) => r.attempts)).toEqual([1, 1, 0]);

      // "two" waits for its retry time, and nothing behind it may overtake it.
      const blocked = await store.claimActions(key);
      expect(blocked).toEqual({ rows: [], blocked: true });

      await t.db.query("UPDATE outbox SET next_attempt_at = now() - interval '1 second' WHERE done_at IS NULL");
      const again = await store.claimActions(key);
      expect(again.blocked).toBe(false);
      expect(again.rows.map((r) => [(r.action as { message: { content: string } }).message.content, r.attempts])).toEqual([
        ['two', 1],
        ['three', 0],
      ]);
      expect(again.rows[0].id).toBe(first.rows[1].id);
    } finally {
      await t.drop();
    }
  });

  it('finishes a turn in one statement, and writes nothing when another worker finished the event first', async () => {
    const t = await openTestDatabase(kind);
    try {
      const store = new InboxStore(t.db);
      const conversations = new ConversationStore(t.db, 60);
      const key = 'i7:c43';
      await store.accept({ dedupeKey: 'd-2', conversationKey: key, event: 'message_created', payload: { n: 2 } });
      const event = (await store.nextEvent(key)) as StoredEvent;
      const finish = (reply: string, state: unknown) =>
        store.complete(t.db, event, 'message', [reply, `${reply}, again`].map((c) => ({ accountId: 1, conversationId: 43, action: say(c) })), (onlyIf) =>
          conversations.upsertStatement(key, { accountId: 1, inboxId: 7, conversationId: 43, status: 'pending', state }, onlyIf),
        );
      expect(await finish('first', { step: 1 })).toBe(true);
      expect(await finish('second', { step: 2 })).toBe(false);

      const sent = await t.db.query<{ action: { message: { content: string } } }>('SELECT action FROM outbox ORDER BY id');
      expect(sent.map((r) => r.action.message.content)).toEqual(['first', 'first, again']);
      expect((await conversations.get(key))?.state).toEqual({ step: 1 });
      expect(await store.nextEvent(key)).toBeUndefined();
    } finally {
      await t.drop();
    }
  });

  it('a claim with nothing pending says so in one answer', async () => {
    const t = await openTestDatabase(kind);
    try {
      expect(await new InboxStore(t.db).claimActions('i7:c1')).toEqual({ rows: [], blocked: false });
    } finally {
      await t.drop();
    }
  });
});

/**
 * Housekeeping deletes finished rows past the retention, and never unfinished work however old: a delivery not
 * yet processed or an action not yet delivered stays until it is done.
 */
import { ConversationStore } from '../../src/inbox/conversation-store';
import { Housekeeping } from '../../src/inbox/housekeeping';
import { InboxStore, type StoredEvent } from '../../src/inbox/store';
import { createLogger } from '../../src/logging/logger';
import { databaseKinds, openTestDatabase } from '../support/db';

const logger = createLogger({ level: 'error', format: 'json' });

describe.each(databaseKinds)('housekeeping (%s)', (kind) => {
  it('removes finished rows older than the retention and keeps the rest', async () => {
    const t = await openTestDatabase(kind);
    try {
      const store = new InboxStore(t.db);
      const say = { type: 'message' as const, message: { content: 'hi' } };
      for (const [key, conversation] of [['old-done', 'i1:c1'], ['old-open', 'i1:c2'], ['new-done', 'i1:c3']] as const) {
        await store.accept({ dedupeKey: key, conversationKey: conversation, event: 'message_created', payload: { key } });
      }
      for (const conversation of ['i1:c1', 'i1:c3']) {
        const e = (await store.nextEvent(conversation)) as StoredEvent;
        await t.db.transaction((tx) => store.complete(tx, e, 'message', [{ accountId: 1, conversationId: 1, action: say }]));
        const { rows } = await store.claimActions(conversation);
        await store.actionDone(rows[0].id);
      }
      // One undelivered action in the old, unprocessed conversation's neighbour: made old below, must stay.
      const open = (await store.nextEvent('i1:c2')) as StoredEvent;
      await t.db.query(`INSERT INTO outbox (conversation_key, inbox_event_id, account_id, conversation_id, action) VALUES ('i1:c2', $1, 1, 2, '{}')`, [open.id]);
      await t.db.query(`UPDATE inbox_events SET received_at = now() - interval '8 days' WHERE dedupe_key IN ('old-done', 'old-open')`);
      await t.db.query(`UPDATE outbox SET created_at = now() - interval '8 days' WHERE conversation_key IN ('i1:c1', 'i1:c2')`);
      await store.recordEcho(1, 1, 'hb-1', 'h');
      await store.recordEcho(1, 1, 'hb-2', 'h');
      await t.db.query(`UPDATE bot_echoes SET seen_at = now() - interval '25 hours' WHERE echo_id = 'hb-1'`);
      // Dialogue state (emails, codes): cleared after the retention, the conversation's flags kept.
      const conversations = new ConversationStore(t.db, 60);
      for (const key of ['i1:c1', 'i1:c3']) {
        await conversations.upsert(t.db, key, { conversationId: 1, status: 'pending', humanTakeover: true, state: { email: 'guest@example.com', code: 'K7M2Q9X0' } });
      }
      await t.db.query(`UPDATE conversations SET state_updated_at = now() - interval '8 days' WHERE conversation_key = 'i1:c1'`);

      const result = await new Housekeeping(t.db, logger).runOnce();

      expect(result).toEqual({ inboxEvents: 1, outbox: 1, echoes: 1, states: 1 });
      const events = await t.db.query<{ dedupe_key: string }>('SELECT dedupe_key FROM inbox_events ORDER BY id');
      expect(events.map((e) => e.dedupe_key)).toEqual(['old-open', 'new-done']);
      const actions = await t.db.query<{ conversation_key: string; done: boolean }>('SELECT conversation_key, done_at IS NOT NULL AS done FROM outbox ORDER BY id');
      expect(actions).toEqual([
        { conversation_key: 'i1:c3', done: true },
        { conversation_key: 'i1:c2', done: false },
      ]);
      expect((await t.db.query<{ echo_id: string }>('SELECT echo_id FROM bot_echoes')).map((e) => e.echo_id)).toEqual(['hb-2']);
      // A second pass finds nothing more.
      const kept = await t.db.query<{ conversation_key: string; state: unknown; human_takeover: boolean }>(
        'SELECT conversation_key, state, human_takeover FROM conversations ORDER BY conversation_key',
      );
      expect(kept.map((c) => [c.conversation_key, c.state === null, c.human_takeover])).toEqual([
        ['i1:c1', true, true],
        ['i1:c3', false, true],
      ]);
      expect(await new Housekeeping(t.db, logger).runOnce()).toEqual({ inboxEvents: 0, outbox: 0, echoes: 0, states: 0 });
    } finally {
      await t.drop();
    }
  });
});

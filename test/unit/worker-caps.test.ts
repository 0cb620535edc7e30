/**
 * Retries end: a turn that keeps failing (its own error handoff included) and a Chatwoot call that keeps failing
 * are given up after a cap, and the conversation goes to staff with a note made of constant words, which can always
 * be written; the handoff queued as a last resort is never followed by another.
 */
import type { ChatwootApi, ConversationRef, OutgoingMessage } from '../../src/chatwoot/api';
import type { Database } from '../../src/db/database';
import { openDatabase } from '../../src/db/open';
import { MAX_ACTION_ATTEMPTS, MAX_EVENT_ATTEMPTS } from '../../src/inbox/give-up';
import type { TurnProcessor } from '../../src/inbox/processor';
import { InboxStore, type OutboxAction } from '../../src/inbox/store';
import { Worker } from '../../src/inbox/worker';
import { silentLogger } from '../../src/logging/logger';
import { fixture } from '../support/fixtures';

function recordingChatwoot(fails: (m: OutgoingMessage) => boolean) {
  const sent: Array<{ kind: string; content?: string; private?: boolean }> = [];
  const attempts: string[] = [];
  const api: ChatwootApi = {
    async sendMessage(_ref: ConversationRef, m: OutgoingMessage) {
      attempts.push(m.content);
      if (fails(m)) throw new Error('HTTP 500 from Chatwoot');
      sent.push({ kind: 'message', content: m.content, private: m.private });
      return { id: sent.length };
    },
    async toggleStatus(_ref, status) {
      sent.push({ kind: `status ${status}` });
    },
    async setTyping() {},
    async setCustomAttributes() {},
    async assignTeam() {},
  };
  return { api, sent, attempts };
}

async function until(pred: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await pred()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('retry caps', () => {
  let db: Database;
  beforeEach(async () => {
    db = await openDatabase({});
  });
  afterEach(() => db.close());

  const start = (store: InboxStore, processor: Partial<TurnProcessor>, chatwoot: ChatwootApi) => {
    const worker = new Worker({ store, processor: processor as TurnProcessor, chatwoot, logger: silentLogger(), concurrency: 2, pollMs: 20, retryDelayMs: () => 0, echoWaitMs: 0 });
    worker.start();
    return worker;
  };

  it(`a turn failing ${MAX_EVENT_ATTEMPTS} times is given up: staff get a note, and the next message is processed`, async () => {
    const store = new InboxStore(db);
    const payload = fixture('message_created.incoming.json');
    const key = 'i1:c1';
    await store.accept({ dedupeKey: 'poison', conversationKey: key, event: 'message_created', payload });
    await store.accept({ dedupeKey: 'next', conversationKey: key, event: 'message_created', payload: { ...payload, id: payload.id + 1 } });
    const processed: number[] = [];
    let calls = 0;
    const processor = {
      async process(e: { id: number; payload: any }) {
        calls++;
        if (e.payload.id === payload.id) throw new Error('invalid input syntax for type json');
        processed.push(e.id);
        await store.complete(db, e as never, 'message', []);
        return 'processed' as const;
      },
    };
    const cw = recordingChatwoot(() => false);
    const worker = start(store, processor, cw.api);
    try {
      await until(async () => (await store.queueDepth()).events === 0 && (await store.queueDepth()).actions === 0, 'the queue to drain');
    } finally {
      await worker.stop();
    }
    expect(calls).toBe(MAX_EVENT_ATTEMPTS + 1);
    expect(processed).toHaveLength(1);
    const [poison] = await db.query<{ outcome: string; attempts: number }>("SELECT outcome, attempts FROM inbox_events WHERE dedupe_key = 'poison'");
    expect(poison.outcome).toMatch(/^gave up after 5 attempts/);
    expect(cw.sent).toEqual([
      { kind: 'message', content: expect.stringMatching(/Handoff · reason: error[\s\S]*could not process a message/), private: true },
      { kind: 'status open' },
    ]);
  });

  it(`a Chatwoot call failing ${MAX_ACTION_ATTEMPTS} times is given up and handed off; a failing last resort ends there`, async () => {
    const store = new InboxStore(db);
    const key = 'i1:c2';
    await store.accept({ dedupeKey: 'e1', conversationKey: key, event: 'message_created', payload: {} });
    const event = (await store.nextEvent(key))!;
    const say = (content: string): OutboxAction => ({ type: 'message', message: { content } });
    await store.complete(db, event, 'message', [say('the reply that never lands'), say('the one after it')].map((action) => ({ accountId: 1, conversationId: 2, action })));
    const cw = recordingChatwoot((m) => m.content === 'the reply that never lands');
    const worker = start(store, { process: async () => 'processed' as const }, cw.api);
    try {
      await until(async () => (await store.queueDepth()).actions === 0, 'the outbox to drain');
    } finally {
      await worker.stop();
    }
    expect(cw.attempts.filter((c) => c === 'the reply that never lands')).toHaveLength(MAX_ACTION_ATTEMPTS);
    expect(cw.sent).toEqual([
      { kind: 'message', content: 'the one after it', private: undefined },
      { kind: 'message', content: expect.stringMatching(/Handoff · reason: error[\s\S]*could not deliver/), private: true },
      { kind: 'status open' },
    ]);
    const rows = await db.query<{ last_error: string | null }>('SELECT last_error FROM outbox ORDER BY id');
    expect(rows[0].last_error).toMatch(/gave up after 12 attempts/);

    // Everything fails now, the last resort included: each is tried up to the cap, and nothing more is queued.
    await store.accept({ dedupeKey: 'e2', conversationKey: key, event: 'message_created', payload: {} });
    const second = (await store.nextEvent(key))!;
    await store.complete(db, second, 'message', [{ accountId: 1, conversationId: 2, action: say('again') }]);
    const down = recordingChatwoot(() => true);
    const again = start(store, { process: async () => 'processed' as const }, down.api);
    try {
      await until(async () => (await store.queueDepth()).actions === 0, 'the outbox to drain');
    } finally {
      await again.stop();
    }
    expect(down.attempts).toHaveLength(2 * MAX_ACTION_ATTEMPTS); // "again", then the last-resort note
    const total = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox');
    expect(total[0].n).toBe(2 + 2 + 1 + 2);
  });
});

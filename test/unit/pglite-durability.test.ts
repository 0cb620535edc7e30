/**
 * An acknowledgement means the delivery is on stable storage: on a data directory, the commit of an urgent or
 * durable statement (the webhook's group INSERT) ends with a real fsync of the write-ahead log before it answers. PGlite alone starts
 * PostgreSQL with fsync off and its Node file system ignores fsync, so this observes no call at all without the
 * thread's durability settings.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PgliteThread } from '../../src/db/pglite-thread';

describe('embedded database durability', () => {
  it('fsyncs the write-ahead log as part of every durable commit, before the statement answers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-fsync-'));
    const thread = await PgliteThread.start({ dir, postgresqlconf: '' });
    try {
      expect(await thread.query('SHOW fsync')).toEqual([{ fsync: 'on' }]);
      await thread.query('CREATE TABLE deliveries (id int PRIMARY KEY, body text)');
      for (let i = 1; i <= 3; i++) {
        const before = await thread.syncStats();
        await thread.query('INSERT INTO deliveries VALUES ($1, $2)', [i, `delivery ${i}`], { urgent: true });
        const after = await thread.syncStats();
        expect(after.fsyncs).toBeGreaterThan(before.fsyncs);
        expect(after.recent.slice(before.recent.length >= 50 ? 0 : before.recent.length)).toEqual(
          expect.arrayContaining([expect.stringMatching(/\/pg_wal\/[0-9A-F]{24}$/)]),
        );
      }
      // A read commits nothing and waits for no disk; background work commits without waiting for the disk, and
      // the next durable statement flushes it along with its own commit.
      const before = await thread.syncStats();
      await thread.query('SELECT count(*) FROM deliveries');
      await thread.query('UPDATE deliveries SET body = body || $1', ['!']);
      expect((await thread.syncStats()).fsyncs).toBe(before.fsyncs);
      await thread.query('UPDATE deliveries SET body = body || $1 WHERE id = 1', ['?'], { durable: true });
      expect((await thread.syncStats()).fsyncs).toBeGreaterThan(before.fsyncs);
    } finally {
      await thread.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

});

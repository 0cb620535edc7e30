/**
 * The embedded database's thread keeps the queue: a transaction has the connection from BEGIN to COMMIT (other
 * statements wait, whenever they were sent), urgent statements go before queued background ones, PostgreSQL's error
 * fields cross the thread, and a closed database says so.
 */
import { EmbeddedDatabase } from '../../src/db/embedded';

describe('embedded database thread', () => {
  let db: EmbeddedDatabase;
  beforeAll(async () => {
    db = await EmbeddedDatabase.open();
    await db.query('CREATE TABLE probe (v INT PRIMARY KEY)');
  });
  afterAll(() => db.close());

  it("runs only the open transaction's statements; the rest wait and urgent ones go first", async () => {
    const finished: string[] = [];
    let others: Promise<unknown>[] = [];
    await db.transaction(async (q) => {
      await q.query('INSERT INTO probe VALUES (1)');
      // Sent while the transaction is open, and so in the thread before its second INSERT: they must neither run
      // inside the transaction nor before its COMMIT.
      const count = (label: string, urgent: boolean) =>
        db.query<{ n: number }>('SELECT count(*)::int AS n FROM probe', [], { urgent }).then((rows) => finished.push(`${label} saw ${rows[0].n}`));
      others = [count('background', false), count('urgent', true)];
      await q.query('INSERT INTO probe VALUES (2)');
      finished.push('transaction');
    });
    await Promise.all(others);
    expect(finished).toEqual(['transaction', 'urgent saw 2', 'background saw 2']);
  });

  it('rolls back a transaction that throws and carries PostgreSQL error fields across the thread', async () => {
    await expect(
      db.transaction(async (q) => {
        await q.query('INSERT INTO probe VALUES (3)');
        await q.query('INSERT INTO probe VALUES (3)');
      }),
    ).rejects.toMatchObject({ code: '23505', constraint: 'probe_pkey' });
    expect(await db.query('SELECT v FROM probe WHERE v = 3')).toEqual([]);
    // The connection is usable again afterwards.
    expect(await db.query('SELECT count(*)::int AS n FROM probe')).toEqual([{ n: 2 }]);
  });

  it('refuses statements once closed, with a reason', async () => {
    const other = await EmbeddedDatabase.open();
    await other.close();
    await expect(other.query('SELECT 1')).rejects.toThrow('the embedded database is closed');
  });
});

import { databaseKinds, openTestDatabase } from '../support/db';

describe.each(databaseKinds)('database driver (%s)', (kind) => {
  it('migrates, queries with parameters and rolls back a failed transaction', async () => {
    const t = await openTestDatabase(kind);
    try {
      const migrations = await t.db.query<{ name: string }>('SELECT name FROM schema_migrations');
      expect(migrations.length).toBeGreaterThan(0);
      await t.db.query('CREATE TABLE t_probe (v INT)');
      await expect(
        t.db.transaction(async (tx) => {
          await tx.query('INSERT INTO t_probe VALUES ($1)', [1]);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      await t.db.transaction(async (tx) => tx.query('INSERT INTO t_probe VALUES ($1)', [2]));
      expect(await t.db.query('SELECT v FROM t_probe')).toEqual([{ v: 2 }]);
    } finally {
      await t.drop();
    }
  });
});

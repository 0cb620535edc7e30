import { Client } from 'pg';
import { privatePostgresAvailable, startPrivatePostgres } from '../support/private-postgres';

(privatePostgresAvailable ? describe : describe.skip)('a private PostgreSQL server for fault tests', () => {
  it('starts, answers, stops (connections fail) and restarts', async () => {
    const pg = await startPrivatePostgres();
    try {
      const q = async () => {
        const c = new Client({ connectionString: pg.url, connectionTimeoutMillis: 2000 });
        await c.connect();
        try {
          return (await c.query('select 41 + 1 as v')).rows[0].v;
        } finally {
          await c.end();
        }
      };
      expect(await q()).toBe(42);
      pg.stop('immediate');
      await expect(q()).rejects.toThrow();
      pg.start();
      expect(await q()).toBe(42);
    } finally {
      pg.destroy();
    }
  });
});

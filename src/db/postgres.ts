/** PostgreSQL through a pg pool: what several replicas of the service share. */
import { Pool, types } from 'pg';
import type { Database, Queryable, Row } from './database';

// BIGINT (int8) and NUMERIC come back as strings by default; our ids and counts fit in a double.
types.setTypeParser(20, (v) => Number(v));
types.setTypeParser(1700, (v) => Number(v));

export class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;
  private readonly pool: Pool;

  constructor(url: string, opts: { max?: number } = {}) {
    // A query on a connection the server dropped must fail rather than hang, so the caller can retry.
    this.pool = new Pool({ connectionString: url, max: opts.max ?? 10, connectionTimeoutMillis: 5000, query_timeout: 15000 });
    // An idle client losing its server (PostgreSQL restarted) must not crash the process; the pool replaces it.
    this.pool.on('error', () => undefined);
  }

  async query<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    const res = await this.pool.query(sql, params);
    return res.rows as T[];
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn({
        query: async <R = Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as R[],
      });
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async ping(): Promise<void> {
    await this.pool.query('select 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

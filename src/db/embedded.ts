/** The embedded database: PGlite stores a real PostgreSQL data directory under DATA_DIR. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './database';

export class EmbeddedDatabase implements Database {
  readonly kind = 'embedded' as const;

  private constructor(private readonly pg: PGlite) {}

  /** `dataDir` undefined keeps the database in memory (tests and benchmarks that need no durability). */
  static async open(dataDir?: string): Promise<EmbeddedDatabase> {
    let dir: string | undefined;
    if (dataDir) {
      dir = path.join(dataDir, 'pglite');
      try {
        fs.mkdirSync(dir, { recursive: true });
        fs.accessSync(dir, fs.constants.W_OK);
      } catch (err) {
        throw new Error(
          `DATA_DIR is not writable (${dir}: ${(err as Error).message}). Point DATA_DIR at a writable folder, or set DATABASE_URL to use PostgreSQL.`,
        );
      }
    }
    const pg = dir ? new PGlite(dir) : new PGlite();
    await pg.waitReady;
    return new EmbeddedDatabase(pg);
  }

  async query<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    const res = await this.pg.query<T>(sql, params as any[]);
    return res.rows;
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    // PGlite serialises transactions on its single connection, so row locks are trivially honoured.
    return this.pg.transaction(async (tx) =>
      fn({ query: async <R = Row>(sql: string, params: unknown[] = []) => (await tx.query<R>(sql, params as any[])).rows }),
    );
  }

  async ping(): Promise<void> {
    await this.pg.query('select 1');
  }

  async close(): Promise<void> {
    if (!this.pg.closed) await this.pg.close();
  }
}

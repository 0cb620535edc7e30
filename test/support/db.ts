/**
 * Test databases: the embedded engine always, and a fresh PostgreSQL database per call when TEST_DATABASE_URL
 * is set (CI sets it). Each PostgreSQL database is created empty, migrated, and dropped by `drop()`.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Database } from '../../src/db/database';
import { openDatabase } from '../../src/db/open';

export const pgUrl = process.env.TEST_DATABASE_URL;

export interface TestDatabase {
  db: Database;
  /** The URL other processes can use to reach the same database (PostgreSQL only). */
  url?: string;
  drop(): Promise<void>;
}

export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!pgUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `hb_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function openTestDatabase(kind: 'embedded' | 'postgres', opts: { dataDir?: string } = {}): Promise<TestDatabase> {
  if (kind === 'embedded') {
    const db = await openDatabase({ dataDir: opts.dataDir });
    return { db, drop: () => db.close() };
  }
  const created = await createPostgresDatabase();
  const db = await openDatabase({ url: created.url });
  return {
    db,
    url: created.url,
    drop: async () => {
      await db.close();
      await created.drop();
    },
  };
}

/** The database kinds to run store tests on here: embedded always, PostgreSQL when available. */
export const databaseKinds: Array<'embedded' | 'postgres'> = pgUrl ? ['embedded', 'postgres'] : ['embedded'];

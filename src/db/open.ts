/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else embedded) and migrates it. */
import type { Database } from './database';
import { EmbeddedDatabase } from './embedded';
import { migrate } from './migrate';

export async function openDatabase(opts: { url?: string; dataDir?: string; poolSize?: number }): Promise<Database> {
  // The PostgreSQL driver is loaded only when used: a single-hotel process on the embedded database saves its memory.
  const db: Database = opts.url
    ? new (await import('./postgres')).PostgresDatabase(opts.url, { max: opts.poolSize })
    : await EmbeddedDatabase.open(opts.dataDir);
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    const where = opts.url ? 'DATABASE_URL' : `the embedded database in DATA_DIR (${opts.dataDir ?? 'memory'})`;
    throw new Error(`Could not prepare ${where}: ${(err as Error).message}`);
  }
  return db;
}

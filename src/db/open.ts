/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else embedded) and migrates it. */
import type { Database } from './database';
import { EmbeddedDatabase, POSTGRESQL_CONF } from './embedded';
import { migrate } from './migrate';
import { buildTemplate, templateKey } from './template';

export interface OpenOptions {
  url?: string;
  dataDir?: string;
  poolSize?: number;
  /** The migrations to apply (default: migrations/). */
  migrationsDir?: string;
  /** Where the embedded database's install-time template is (src/db/template.ts); false: create it with initdb. */
  template?: { cacheDir?: string } | false;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  // The PostgreSQL driver is loaded only when used: a single-hotel process on the embedded database saves its memory.
  const db: Database = opts.url
    ? new (await import('./postgres')).PostgresDatabase(opts.url, { max: opts.poolSize })
    : await EmbeddedDatabase.open(opts.dataDir, {
        template: opts.template === false ? false : { cacheDir: opts.template?.cacheDir, migrationsDir: opts.migrationsDir },
      });
  try {
    await migrate(db, opts.migrationsDir);
  } catch (err) {
    await db.close().catch(() => undefined);
    const where = opts.url ? 'DATABASE_URL' : `the embedded database in DATA_DIR (${opts.dataDir ?? 'memory'})`;
    throw new Error(`Could not prepare ${where}: ${(err as Error).message}`);
  }
  return db;
}

/**
 * At install: makes the embedded database's template for the current migrations and PGlite, by creating and
 * migrating a database exactly as a first start does. Does nothing when it exists already.
 */
export async function buildDatabaseTemplate(opts: { cacheDir?: string; migrationsDir?: string } = {}): Promise<{ dir: string; built: boolean }> {
  const key = templateKey(POSTGRESQL_CONF, opts.migrationsDir);
  return buildTemplate(
    key,
    async (dataDir) => {
      const db = await openDatabase({ dataDir, migrationsDir: opts.migrationsDir, template: false });
      await db.close();
    },
    opts.cacheDir,
  );
}

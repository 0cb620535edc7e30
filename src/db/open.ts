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
  /** Called when the embedded database's new data directory has been made, before it boots (src/db/embedded.ts). */
  onCreated?: () => void;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  // The PostgreSQL driver is loaded only when used: a single-hotel process on the embedded database saves its memory.
  const db: Database = opts.url
    ? new (await import('./postgres')).PostgresDatabase(opts.url, { max: opts.poolSize })
    : await EmbeddedDatabase.open(opts.dataDir, {
        template: opts.template === false ? false : { cacheDir: opts.template?.cacheDir, migrationsDir: opts.migrationsDir },
        onCreated: opts.onCreated,
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

/** A database being opened (beginOpening). */
export interface OpeningDatabase {
  database: Promise<Database>;
  /**
   * Resolves when a start may load its other parts on the main thread: once a new data directory has been made
   * (PostgreSQL then boots in it on its own thread meanwhile), else once the database is open (or has failed).
   */
  files: Promise<void>;
}

/**
 * Starts opening the database. What the main thread does meanwhile is left for `files`: until then it stays free to
 * answer the page that shows the start's progress, which it could not while loading the language engine (about a
 * second of work in one piece). The first start's copy leaves it that moment; a later start, PostgreSQL's boot.
 */
export function beginOpening(opts: OpenOptions): OpeningDatabase {
  let filesReady: () => void = () => undefined;
  const files = new Promise<void>((resolve) => (filesReady = resolve));
  const database = openDatabase({ ...opts, onCreated: () => filesReady() });
  database.then(
    () => filesReady(),
    () => filesReady(),
  );
  return { database, files };
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

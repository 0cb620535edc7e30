/** The embedded database: PGlite stores a real PostgreSQL data directory under DATA_DIR. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Database, Queryable, QueryOptions, Row } from './database';
import { PgliteThread } from './pglite-thread';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import { copyTemplate, findTemplate, templateKey, type TemplateOptions } from './template';

/**
 * PostgreSQL's default 128 MB of shared buffers would live inside the WebAssembly heap, which never shrinks; the
 * bot's working set (open conversations, recent deliveries) is a few MB, and pages beyond the buffers are still
 * served from the operating system's file cache. 8 MB rather than 16 MB: ~7 MiB less resident after 10,000
 * conversations, with no change in intake or turn throughput (measured).
 */
export const POSTGRESQL_CONF = 'shared_buffers = 8MB\n';

/** How the data directory came to be at this start. */
export type DatabaseOrigin = 'memory' | 'existing' | 'template' | 'initdb';

export interface EmbeddedOpenOptions {
  /** Where to look for the install-time template (src/db/template.ts); false: always create with initdb. */
  template?: TemplateOptions | false;
  /**
   * Called when a new data directory has been made (copied from the template or created), before PostgreSQL boots
   * in it on the database's thread: a first start loads its other parts from then on.
   */
  onCreated?: () => void;
}

/**
 * Creates a new data directory (initdb) in a short-lived child process: PGlite's initdb step leaves some 450 MB of
 * WebAssembly memory behind that the process never gets back, which the service should not carry for its lifetime.
 */
async function initDataDir(dir: string): Promise<void> {
  const pglite = require.resolve('@electric-sql/pglite');
  const script = `const { PGlite } = require(${JSON.stringify(pglite)});
    const db = new PGlite(${JSON.stringify(dir)});
    db.waitReady.then(() => db.close()).catch((e) => { console.error(e && e.message ? e.message : e); process.exit(1); });`;
  try {
    await promisify(execFile)(process.execPath, ['-e', script], { timeout: 120_000 });
  } catch (err) {
    const detail = String((err as { stderr?: string }).stderr ?? '').trim() || (err as Error).message;
    throw new Error(`Could not create the embedded database in ${dir}: ${detail}. Check that DATA_DIR is writable and has free space.`);
  }
}

export class EmbeddedDatabase implements Database {
  readonly kind = 'embedded' as const;

  private constructor(
    private readonly pg: PgliteThread,
    private readonly lock: DataDirLock | undefined,
    /** How the data directory was made (observable by the start's log and by tests). */
    readonly origin: DatabaseOrigin,
    /** Why a template was there but not used (undefined when none was found or it was used). */
    readonly templateRefused?: string,
  ) {}

  /** `dataDir` undefined keeps the database in memory (tests and benchmarks that need no durability). */
  static async open(dataDir?: string, opts: EmbeddedOpenOptions = {}): Promise<EmbeddedDatabase> {
    if (!dataDir) return new EmbeddedDatabase(await PgliteThread.start({ postgresqlconf: POSTGRESQL_CONF }), undefined, 'memory');
    const dir = path.join(dataDir, 'pglite');
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.accessSync(dir, fs.constants.W_OK);
    } catch (err) {
      throw new Error(
        `DATA_DIR is not writable (${dir}: ${(err as Error).message}). Point DATA_DIR at a writable folder, or set DATABASE_URL to use PostgreSQL.`,
      );
    }
    // Before anything touches the files: a second process on the same DATA_DIR would lose acknowledged deliveries.
    const lock = lockDataDir(dataDir);
    try {
      if (fs.existsSync(path.join(dir, 'PG_VERSION'))) {
        return new EmbeddedDatabase(await PgliteThread.start({ dir, postgresqlconf: POSTGRESQL_CONF }), lock, 'existing');
      }
      // The thread prepares PGlite while the data directory is being made.
      const made = makeDataDir(dir, opts.template).then((r) => {
        opts.onCreated?.();
        return r;
      });
      let pg: PgliteThread;
      try {
        pg = await PgliteThread.start({ dir, postgresqlconf: POSTGRESQL_CONF, filesReady: made });
      } catch (err) {
        if ((await made.catch(() => undefined))?.origin !== 'template') throw err;
        // PGlite would not open the template's copy: create the database as before.
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir, { recursive: true });
        await initDataDir(dir);
        opts.onCreated?.();
        const fresh = await PgliteThread.start({ dir, postgresqlconf: POSTGRESQL_CONF });
        return new EmbeddedDatabase(fresh, lock, 'initdb', `PGlite could not open the template's copy (${(err as Error).message})`);
      }
      const { origin, refused } = await made;
      return new EmbeddedDatabase(pg, lock, origin, refused);
    } catch (err) {
      lock.release();
      throw err;
    }
  }

  async query<T = Row>(sql: string, params: unknown[] = [], opts: QueryOptions = {}): Promise<T[]> {
    return this.pg.query<T>(sql, params, { urgent: opts.urgent, durable: opts.durable });
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.pg.transaction((query) => fn({ query: <R = Row>(sql: string, params: unknown[] = []) => query<R>(sql, params) }));
  }

  async ping(): Promise<void> {
    await this.query('select 1', [], { urgent: true });
  }

  async close(): Promise<void> {
    try {
      await this.pg.close();
    } finally {
      this.lock?.release();
    }
  }
}

/**
 * Makes the data directory `dir` (which holds no database): a copy of the install-time template when there is one
 * for these migrations and this PGlite and `dir` is empty, else PGlite's initdb as before. A template whose copy does
 * not match its manifest is left aside, and the reason returned with the result.
 */
async function makeDataDir(dir: string, template: TemplateOptions | false | undefined): Promise<{ origin: 'template' | 'initdb'; refused?: string }> {
  let refused: string | undefined;
  // Only into an empty folder: anything else there (a creation cut short) is left to initdb, as before.
  if (template !== false && fs.readdirSync(dir).length === 0) {
    const found = findTemplate(templateKey(POSTGRESQL_CONF, template?.migrationsDir), template?.cacheDir);
    if (found) {
      fs.rmdirSync(dir); // the copy is renamed into its place once complete
      refused = await copyTemplate(found, dir);
      if (!refused) return { origin: 'template' };
      fs.mkdirSync(dir, { recursive: true });
    }
  }
  await initDataDir(dir);
  return { origin: 'initdb', refused };
}

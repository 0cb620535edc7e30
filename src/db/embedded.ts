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
      let refused: string | undefined;
      // Only into an empty folder: anything else there (a creation cut short) is left to initdb, as before.
      if (opts.template !== false && fs.readdirSync(dir).length === 0) {
        const fromTemplate = await openFromTemplate(dir, opts.template ?? {});
        if (fromTemplate.pg) return new EmbeddedDatabase(fromTemplate.pg, lock, 'template');
        refused = fromTemplate.refused;
      }
      await initDataDir(dir);
      return new EmbeddedDatabase(await PgliteThread.start({ dir, postgresqlconf: POSTGRESQL_CONF }), lock, 'initdb', refused);
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
 * Makes `dir` (empty) from the install-time template and opens it. When there is no template for these migrations
 * and this PGlite, nothing happens; when there is one but its copy does not match its manifest or PGlite cannot open
 * it, `dir` is emptied again and the reason returned, so the caller creates the database as before.
 */
async function openFromTemplate(dir: string, opts: TemplateOptions): Promise<{ pg?: PgliteThread; refused?: string }> {
  let key: string;
  try {
    key = templateKey(POSTGRESQL_CONF, opts.migrationsDir);
  } catch {
    return {};
  }
  const template = findTemplate(key, opts.cacheDir);
  if (!template) return {};
  fs.rmdirSync(dir); // the copy is renamed into its place once complete
  const refused = await copyTemplate(template, dir);
  if (refused) {
    fs.mkdirSync(dir, { recursive: true });
    return { refused };
  }
  try {
    return { pg: await PgliteThread.start({ dir, postgresqlconf: POSTGRESQL_CONF }) };
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    return { refused: `PGlite could not open the template's copy (${(err as Error).message})` };
  }
}

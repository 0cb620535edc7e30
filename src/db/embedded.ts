/** The embedded database: PGlite stores a real PostgreSQL data directory under DATA_DIR. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Database, Queryable, QueryOptions, Row } from './database';
import { PgliteThread } from './pglite-thread';

/**
 * PostgreSQL's default 128 MB of shared buffers would live inside the WebAssembly heap, which never shrinks; the
 * bot's working set (open conversations, recent deliveries) is a few MB, and pages beyond the buffers are still
 * served from the operating system's file cache.
 */
const POSTGRESQL_CONF = 'shared_buffers = 16MB\n';

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

  private readonly urgentQueue: Array<() => void> = [];
  private readonly normalQueue: Array<() => void> = [];
  private busy = false;

  private constructor(private readonly pg: PgliteThread) {}

  /** One statement or transaction at a time, urgent ones first (PGlite's own lock is first-come, first-served). */
  private schedule<T>(work: () => Promise<T>, urgent: boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const task = () => {
        work()
          .then(resolve, reject)
          .finally(() => {
            this.busy = false;
            this.next();
          });
      };
      (urgent ? this.urgentQueue : this.normalQueue).push(task);
      this.next();
    });
  }

  private next(): void {
    if (this.busy) return;
    const task = this.urgentQueue.shift() ?? this.normalQueue.shift();
    if (!task) return;
    this.busy = true;
    task();
  }

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
    if (dir && !fs.existsSync(path.join(dir, 'PG_VERSION'))) await initDataDir(dir);
    const pg = await PgliteThread.start({ dir, postgresqlconf: POSTGRESQL_CONF });
    return new EmbeddedDatabase(pg);
  }

  async query<T = Row>(sql: string, params: unknown[] = [], opts: QueryOptions = {}): Promise<T[]> {
    return this.schedule(() => this.pg.query<T>(sql, params), Boolean(opts.urgent));
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    // One connection, one transaction at a time (the schedule holds it from BEGIN to COMMIT), so row locks are
    // trivially honoured.
    return this.schedule(async () => {
      await this.pg.query('BEGIN');
      try {
        const result = await fn({ query: <R = Row>(sql: string, params: unknown[] = []) => this.pg.query<R>(sql, params) });
        await this.pg.query('COMMIT');
        return result;
      } catch (err) {
        await this.pg.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    }, false);
  }

  async ping(): Promise<void> {
    await this.query('select 1', [], { urgent: true });
  }

  async close(): Promise<void> {
    await this.pg.close();
  }
}

/**
 * The embedded database on a thread of its own. PGlite runs PostgreSQL as WebAssembly and never yields inside a
 * statement: on the main thread every INSERT of a delivery and every statement of a turn stopped the HTTP server.
 * Here the statements run on the second core while the main thread answers webhooks and runs the dialogue.
 *
 * The queue lives in the thread, not in front of it: statements are posted as soon as they are asked for, so the
 * thread always has the next one at hand instead of idling for a round trip to a busy main thread (measured: with
 * one statement in flight at a time, a 0.1 ms statement held the database for 1.5 to 2 ms). In the thread:
 * - urgent statements (a webhook's INSERT, readiness) go before queued background work;
 * - a transaction has the connection from BEGIN to COMMIT or ROLLBACK: statements tagged with it run, everything
 *   else waits, so row locks are trivially honoured on the one connection.
 *
 * Durability: PGlite starts PostgreSQL with fsync off, and its Node file system ignores fsync anyway, so a power cut
 * could lose deliveries already acknowledged. With a data directory, the thread turns fsync on (with
 * wal_sync_method=fsync, the one call the WebAssembly layer forwards) and makes that call a real fsync of the file;
 * PostgreSQL then syncs data files and directories at checkpoints by its own rules. Commits are asynchronous
 * (synchronous_commit=off) except those of urgent or durable statements (a group commit of deliveries, an action
 * marked done, the claim before a Chatwoot call), which flush the WAL before they answer. The WAL is written in
 * order, so such a flush also covers every commit before it: a power cut can lose only background work after the
 * last durable commit (a turn not yet visible to anyone, done again after restart), never an acknowledged delivery.
 * One fsync per background commit would cost several per turn on the one database thread.
 */
import { Worker } from 'node:worker_threads';
import type { Row } from './database';

type Request =
  | { id: number; op: 'query'; sql: string; params: unknown[]; urgent?: boolean; durable?: boolean; tx?: number }
  | { id: number; op: 'begin' }
  | { id: number; op: 'commit' | 'rollback'; tx: number }
  | { id: number; op: 'close' }
  | { id: number; op: 'sync_stats' }
  | { id: number; op: 'open' };

/** What the thread has flushed to stable storage since it started (tests observe the fsync calls through it). */
export interface SyncStats {
  fsyncs: number;
  /** The most recent files synced, as PostgreSQL names them (e.g. /pglite/data/pg_wal/000000010000000000000001). */
  recent: string[];
}

interface Reply {
  id: number;
  rows?: Row[];
  error?: { message: string; [field: string]: unknown };
}

/**
 * The thread's program. It is sent to the thread as source text (`eval`), so it works the same from the compiled
 * service and from the tests, which run the TypeScript sources: it must not use anything from this module's scope.
 */
function threadMain(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parentPort, workerData } = require('node:worker_threads');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PGlite } = require(workerData.pglitePath);
  const errorOf = (e: any) => {
    // PostgreSQL's fields (code, detail, constraint…) travel with the message: callers read e.code.
    const out: Record<string, unknown> = { message: String(e?.message ?? e) };
    for (const k of ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'severity', 'routine']) if (e?.[k] !== undefined) out[k] = e[k];
    return out;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { NodeFS } = require(workerData.nodefsPath);
  const sync = { fsyncs: 0, recent: [] as string[] };

  /** PGlite's Node file system, with fsync made real (emscripten's NODEFS has no fsync: the call did nothing). */
  class SyncedNodeFS extends NodeFS {
    constructor(dir: string) {
      super(dir);
    }

    async init(pgInstance: unknown, emscriptenOpts: any) {
      const result = await super.init(pgInstance, emscriptenOpts);
      result.emscriptenOpts.preRun.push((mod: any) => {
        mod.NODEFS.stream_ops.fsync = (stream: any) => {
          try {
            if (stream.nfd !== undefined && stream.nfd !== null) fs.fsyncSync(stream.nfd);
            else {
              // A directory (PostgreSQL syncs them after creating or renaming files): NODEFS keeps no descriptor.
              const fd = fs.openSync(mod.NODEFS.realPath(stream.node), 'r');
              try {
                fs.fsyncSync(fd);
              } finally {
                fs.closeSync(fd);
              }
            }
          } catch {
            throw new mod.FS.ErrnoError(29); // EIO: PostgreSQL treats a failed fsync as fatal, as it must
          }
          sync.fsyncs++;
          sync.recent.push(stream.path);
          if (sync.recent.length > 50) sync.recent.shift();
          return 0;
        };
      });
      return result;
    }
  }

  // Compiling PGlite's WebAssembly is most of opening an existing database (over a second on a busy machine): it
  // starts at once, while the main thread is still copying or creating the data directory (workerData.waitForFiles),
  // and PostgreSQL boots once both are done.
  const compiled: Promise<WebAssembly.Module> = WebAssembly.compile(fs.readFileSync(workerData.wasmPath));
  compiled.catch(() => undefined); // reported through waitReady below
  let filesReady: () => void = () => undefined;
  const files = workerData.waitForFiles ? new Promise<void>((resolve) => (filesReady = resolve)) : Promise.resolve();
  const options = { postgresqlconf: workerData.postgresqlconf };
  let pg: any;
  const open = async () => {
    const pgliteWasmModule = await compiled;
    await files;
    pg = workerData.dir
      ? new PGlite({
          ...options,
          pgliteWasmModule,
          fs: new SyncedNodeFS(workerData.dir),
          // PGlite's defaults minus -F (fsync off); fdatasync is a no-op in the WebAssembly layer, fsync is forwarded.
          startParams: [
            ...PGlite.defaultStartParams.filter((p: string) => p !== '-F'),
            ...['-c', 'fsync=on', '-c', 'wal_sync_method=fsync', '-c', 'synchronous_commit=off'],
          ],
        })
      : new PGlite({ ...options, pgliteWasmModule });
    await pg.waitReady;
  };

  const urgent: Request[] = [];
  const normal: Request[] = [];
  /** Statements of transactions, by transaction (the id of its BEGIN), until that transaction has the connection. */
  const ofTransaction = new Map<number, Request[]>();
  let openTx: number | undefined;
  let running = false;
  let ready = false;

  const next = (): Request | undefined => {
    if (openTx !== undefined) return ofTransaction.get(openTx)?.shift();
    return urgent.shift() ?? normal.shift();
  };

  const run = async (m: Request): Promise<Row[]> => {
    switch (m.op) {
      case 'begin':
        await pg.query('BEGIN');
        openTx = m.id;
        if (!ofTransaction.has(m.id)) ofTransaction.set(m.id, []);
        return [];
      case 'commit':
      case 'rollback':
        openTx = undefined;
        ofTransaction.delete(m.tx);
        await pg.query(m.op === 'commit' ? 'COMMIT' : 'ROLLBACK');
        return [];
      case 'close':
        if (!pg.closed) await pg.close();
        return [];
      case 'sync_stats':
        return [{ fsyncs: sync.fsyncs, recent: [...sync.recent] }];
      case 'open': // handled on arrival, never queued
        return [];
      default:
        if (!m.urgent && !m.durable) return (await pg.query(m.sql, m.params)).rows;
        // Inside a transaction the COMMIT decides; outside, this statement commits by itself: synchronously.
        await pg.exec('SET synchronous_commit = on');
        try {
          return (await pg.query(m.sql, m.params)).rows;
        } finally {
          await pg.exec('SET synchronous_commit = off');
        }
    }
  };

  const pump = async () => {
    if (running || !ready) return;
    running = true;
    try {
      for (let m = next(); m; m = next()) {
        try {
          parentPort.postMessage({ id: m.id, rows: await run(m) });
        } catch (e) {
          parentPort.postMessage({ id: m.id, error: errorOf(e) });
        }
      }
    } finally {
      running = false;
    }
  };

  parentPort.on('message', (m: Request) => {
    if (m.op === 'open') return filesReady();
    if ((m.op === 'query' && m.tx !== undefined) || m.op === 'commit' || m.op === 'rollback') {
      const tx = m.tx!;
      if (!ofTransaction.has(tx)) ofTransaction.set(tx, []);
      ofTransaction.get(tx)!.push(m);
    } else if (m.op === 'query' && m.urgent) urgent.push(m);
    else normal.push(m);
    void pump();
  });

  open().then(
    () => {
      ready = true;
      parentPort.postMessage({ id: 0, rows: [] });
      void pump();
    },
    (e: unknown) => parentPort.postMessage({ id: 0, error: errorOf(e) }),
  );
}

export class PgliteThread {
  private readonly waiting = new Map<number, { resolve: (rows: Row[]) => void; reject: (e: Error) => void }>();
  private seq = 1;
  private failure?: Error;
  private closed = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: Reply) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (m.error) w.reject(Object.assign(new Error(m.error.message), m.error));
      else w.resolve(m.rows ?? []);
    });
    // A crash of the thread (a WebAssembly trap, out of memory) fails every statement in flight and every later one
    // with the reason, so readiness reports it and the worker retries its events later instead of hanging.
    const fail = (e: Error) => {
      this.failure ??= new Error(`the embedded database stopped: ${e.message}`);
      for (const w of this.waiting.values()) w.reject(this.failure);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`its thread exited (code ${code})`)));
  }

  /**
   * Starts the thread and opens the database in `dir` (in memory without one). With `filesReady`, the thread
   * prepares PGlite at once but opens `dir` only once that promise has resolved (the data directory being copied or
   * created meanwhile); when it rejects, the thread is stopped and the reason thrown.
   */
  static async start(opts: { dir?: string; postgresqlconf: string; filesReady?: Promise<unknown> }): Promise<PgliteThread> {
    const worker = new Worker(`(${threadMain.toString()})()`, {
      eval: true,
      workerData: {
        dir: opts.dir,
        postgresqlconf: opts.postgresqlconf,
        waitForFiles: opts.filesReady !== undefined,
        pglitePath: require.resolve('@electric-sql/pglite'),
        nodefsPath: require.resolve('@electric-sql/pglite/nodefs'),
        wasmPath: require.resolve('@electric-sql/pglite/pglite.wasm'),
      },
    });
    const thread = new PgliteThread(worker);
    const opened = thread.awaitReply(0);
    opened.catch(() => undefined); // awaited below, unless the files fail first
    try {
      if (opts.filesReady) {
        await opts.filesReady;
        worker.postMessage({ id: -1, op: 'open' } satisfies Request);
      }
      await opened;
    } catch (err) {
      await worker.terminate();
      throw err;
    }
    return thread;
  }

  private awaitReply(id: number): Promise<Row[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiting.set(id, { resolve, reject }));
  }

  private send<T>(req: Request): Promise<T[]> {
    if (this.closed) return Promise.reject(new Error('the embedded database is closed'));
    const reply = this.awaitReply(req.id);
    if (!this.failure) this.worker.postMessage(req);
    return reply as Promise<T[]>;
  }

  /** One statement, queued in the thread behind earlier ones (urgent: ahead of the non-urgent ones). */
  query<T = Row>(sql: string, params: unknown[] = [], opts: { urgent?: boolean; durable?: boolean; tx?: number } = {}): Promise<T[]> {
    return this.send<T>({ id: this.seq++, op: 'query', sql, params, urgent: opts.urgent, durable: opts.durable, tx: opts.tx });
  }

  /**
   * Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. Only `fn`'s statements run
   * while it is open, so a transaction must not wait for anything outside it.
   */
  async transaction<T>(fn: (query: <R = Row>(sql: string, params?: unknown[]) => Promise<R[]>) => Promise<T>): Promise<T> {
    const tx = this.seq++;
    await this.send({ id: tx, op: 'begin' });
    try {
      const result = await fn((sql, params = []) => this.query(sql, params, { tx }));
      await this.send({ id: this.seq++, op: 'commit', tx });
      return result;
    } catch (err) {
      await this.send({ id: this.seq++, op: 'rollback', tx }).catch(() => undefined);
      throw err;
    }
  }

  /** The fsync calls made so far (none in memory). */
  async syncStats(): Promise<SyncStats> {
    const [stats] = await this.send<SyncStats>({ id: this.seq++, op: 'sync_stats' });
    return stats;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    try {
      if (!this.failure) await this.send({ id: this.seq++, op: 'close' });
    } finally {
      this.closed = true;
      await this.worker.terminate();
    }
  }
}

/**
 * The embedded database on a thread of its own. PGlite runs PostgreSQL as WebAssembly and never yields inside a
 * statement: on the main thread every INSERT of a delivery and every statement of a turn stopped the HTTP server.
 * Here the statements run on the second core while the main thread keeps answering webhooks, verifying signatures
 * and running the dialogue (measured: about 1.7 times the webhook intake while turns are processed).
 *
 * One request at a time crosses to the thread (EmbeddedDatabase schedules them), so the thread needs no queue of
 * its own; a transaction is BEGIN … COMMIT sent as separate statements on the one connection, as PGlite's own
 * transaction() does.
 */
import { Worker } from 'node:worker_threads';
import type { Row } from './database';

interface Request {
  id: number;
  op: 'query' | 'close';
  sql?: string;
  params?: unknown[];
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
  const options = { postgresqlconf: workerData.postgresqlconf };
  const pg = workerData.dir ? new PGlite(workerData.dir, options) : new PGlite(options);
  pg.waitReady.then(
    () => parentPort.postMessage({ id: 0, rows: [] }),
    (e: unknown) => parentPort.postMessage({ id: 0, error: errorOf(e) }),
  );
  parentPort.on('message', async (m: Request) => {
    try {
      if (m.op === 'close') {
        if (!pg.closed) await pg.close();
        parentPort.postMessage({ id: m.id, rows: [] });
        return;
      }
      const result = await pg.query(m.sql, m.params);
      parentPort.postMessage({ id: m.id, rows: result.rows });
    } catch (e) {
      parentPort.postMessage({ id: m.id, error: errorOf(e) });
    }
  });
}

export class PgliteThread {
  private readonly waiting = new Map<number, { resolve: (rows: Row[]) => void; reject: (e: Error) => void }>();
  private seq = 1;
  private failure?: Error;
  closed = false;

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

  /** Starts the thread and opens (or creates) the database in `dir`; in memory without one. */
  static async start(opts: { dir?: string; postgresqlconf: string }): Promise<PgliteThread> {
    const worker = new Worker(`(${threadMain.toString()})()`, {
      eval: true,
      workerData: { dir: opts.dir, postgresqlconf: opts.postgresqlconf, pglitePath: require.resolve('@electric-sql/pglite') },
    });
    const thread = new PgliteThread(worker);
    try {
      await thread.request({ id: 0, op: 'query' }, false);
    } catch (err) {
      await worker.terminate();
      throw err;
    }
    return thread;
  }

  private request(req: Request, send = true): Promise<Row[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.set(req.id, { resolve, reject });
      if (send) this.worker.postMessage(req);
    });
  }

  query<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (this.closed) return Promise.reject(new Error('the embedded database is closed'));
    return this.request({ id: this.seq++, op: 'query', sql, params }) as Promise<T[]>;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      if (!this.failure) await this.request({ id: this.seq++, op: 'close' });
    } finally {
      await this.worker.terminate();
    }
  }
}

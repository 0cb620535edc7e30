/**
 * One SQL dialect (PostgreSQL), two drivers: an embedded PostgreSQL (PGlite, the real engine in WebAssembly)
 * for one process, and a PostgreSQL server (pg) for production and several replicas.
 */

export type Row = Record<string, unknown>;

export interface QueryOptions {
  /**
   * Ahead of queued background work. The embedded database has one connection, so the webhook's single INSERT
   * must not wait behind the worker's turns; PostgreSQL has a pool and ignores it.
   */
  urgent?: boolean;
  /**
   * Answer only once this statement's commit, and every commit before it, is on stable storage. On the embedded
   * database other statements commit asynchronously (a power cut may lose the last of them, never a durable one
   * or anything before it); urgent statements are durable too. PostgreSQL commits every statement durably.
   */
  durable?: boolean;
}

/** One SQL statement with its $1…$n parameters. */
export interface Statement {
  sql: string;
  values: unknown[];
}

/** A statement's parameters renumbered from $(offset + 1), to embed it in a larger statement after others. */
export function shiftParameters(sql: string, offset: number): string {
  return sql.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) + offset}`);
}

export interface Queryable {
  /** Runs one statement with $1…$n parameters and returns its rows. */
  query<T = Row>(sql: string, params?: unknown[], opts?: QueryOptions): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly kind: 'embedded' | 'postgres';
  /** Runs `fn` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a trivial query; throws when the database cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

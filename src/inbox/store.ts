/**
 * The inbox and outbox tables: storing deliveries (deduplicated), leasing a conversation to one worker across all
 * replicas, taking its events oldest first, and the Chatwoot actions each turn decided.
 */
import { shiftParameters, type Database, type Queryable, type Statement } from '../db/database';
import { storableJson, storableText } from './storable';

export interface StoredEvent {
  id: number;
  /** Chatwoot's X-Chatwoot-Delivery, carried into the logs of everything the turn does. */
  deliveryId?: string;
  conversationKey: string;
  event: string;
  payload: unknown;
  /** The delivery carried a valid signature or URL token: only then is the payload's `hmac_verified` believed. */
  authenticated: boolean;
  attempts: number;
  nextAttemptAt: Date;
}

export interface OutboxRow {
  id: number;
  conversationKey: string;
  accountId: number;
  conversationId: number;
  action: OutboxAction;
  attempts: number;
  nextAttemptAt: Date;
  createdAt: Date;
}

/**
 * One Chatwoot call, in the order a turn decided them. `lastResort`: part of the handoff queued when the bot gave up
 * on something (give-up.ts); if it fails for good too, nothing more is queued.
 */
export type OutboxAction = { lastResort?: boolean } & (
  | { type: 'message'; message: { content: string; content_type?: string; content_attributes?: Record<string, unknown>; private?: boolean } }
  | { type: 'custom_attributes'; attributes: Record<string, unknown> }
  | { type: 'assign_team'; teamId: number }
  | { type: 'status'; status: 'open' | 'resolved' | 'pending' | 'snoozed' }
);

export interface AcceptRow {
  dedupeKey: string;
  conversationKey: string;
  event: string;
  deliveryId?: string;
  /** Default false: what is not known to be authenticated is not. */
  authenticated?: boolean;
  payload: unknown;
}

/**
 * Rows → "($1, $2), ($3, $4)" and the flat parameter list, for one multi-row INSERT; with `types`, each column's
 * parameter is cast ("$1::bigint"), and numbering starts after `offset` parameters already in the statement.
 */
function valuesList(rows: unknown[][], types?: string[], offset = 0): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const placeholder = (v: unknown, column: number) => `$${offset + values.push(v)}${types ? `::${types[column]}` : ''}`;
  const tuples = rows.map((row) => `(${row.map(placeholder).join(', ')})`);
  return { sql: tuples.join(', '), values };
}

export class InboxStore {
  /**
   * On the embedded database the next INSERT is already queued in the database's thread when one finishes, rather
   * than waiting for the main thread to hear of it; that thread runs them in order, so ids still follow arrival.
   * On PostgreSQL concurrent INSERTs could take ids out of arrival order: one at a time there.
   */
  private readonly maxFlushesInFlight: number;

  constructor(private readonly db: Database) {
    this.maxFlushesInFlight = db.kind === 'embedded' ? 2 : 1;
  }

  private pending: Array<{ row: AcceptRow; resolve: (r: 'accepted' | 'duplicate') => void; reject: (e: unknown) => void }> = [];
  /** INSERTs sent and not yet answered. */
  private flushesInFlight = 0;

  /**
   * Stores one delivery; 'duplicate' when the same delivery (or the same meaning) was stored before. Deliveries
   * arriving while a write is in flight are written together in one INSERT (group commit): the embedded database
   * pays a durable write per statement, so batching is what lets intake keep up with bursts.
   */
  accept(e: AcceptRow): Promise<'accepted' | 'duplicate'> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row: e, resolve, reject });
      // Flush after the event loop's current I/O phase rather than at once: the embedded database runs a statement
      // without yielding, so an immediate flush would always carry exactly one row. Deliveries read in the same
      // phase now share one INSERT (measured: 315 µs per delivery alone, well under 100 µs in a batch).
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => {
          this.flushScheduled = false;
          void this.flush();
        });
      }
    });
  }

  private flushScheduled = false;

  private async flush(): Promise<void> {
    if (this.flushesInFlight >= this.maxFlushesInFlight || !this.pending.length) return;
    this.flushesInFlight++;
    const batch = this.pending.splice(0, 200);
    try {
      const { sql, values } = valuesList(
        batch.map((b) => [
          b.row.dedupeKey,
          b.row.conversationKey,
          b.row.event,
          b.row.deliveryId ?? null,
          b.row.authenticated ?? false,
          JSON.stringify(b.row.payload),
        ]),
      );
      const rows = await this.db.query<{ dedupe_key: string }>(
        `INSERT INTO inbox_events (dedupe_key, conversation_key, event, delivery_id, authenticated, payload)
         VALUES ${sql} ON CONFLICT (dedupe_key) DO NOTHING RETURNING dedupe_key`,
        values,
        { urgent: true },
      );
      const inserted = new Set(rows.map((r) => r.dedupe_key));
      for (const b of batch) {
        // The same key twice in one batch: the first one is the delivery, the rest are its duplicates.
        const isNew = inserted.delete(b.row.dedupeKey);
        b.resolve(isNew ? 'accepted' : 'duplicate');
      }
    } catch (err) {
      for (const b of batch) b.reject(err);
    } finally {
      this.flushesInFlight--;
      void this.flush();
    }
  }

  /**
   * Conversations with work that is due (unprocessed events or undelivered actions), oldest work first. Only the
   * oldest `window` pending rows are looked at, so a poll costs the same with 10 or 100,000 deliveries waiting; a
   * conversation whose work lies beyond the window comes up as the older work is done.
   */
  async conversationsWithWork(limit: number, window = 2000): Promise<string[]> {
    const rows = await this.db.query<{ k: string }>(
      `SELECT k FROM (
         (SELECT conversation_key AS k, id AS first FROM inbox_events WHERE processed_at IS NULL ORDER BY id LIMIT $2)
         UNION ALL
         (SELECT conversation_key AS k, inbox_event_id AS first FROM outbox
           WHERE done_at IS NULL AND next_attempt_at <= now() ORDER BY id LIMIT $2)
       ) w GROUP BY k ORDER BY min(first) LIMIT $1`,
      [limit, window],
    );
    return rows.map((r) => r.k);
  }

  async tryLease(conversationKey: string, owner: string, seconds: number): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO conversation_leases (conversation_key, owner, expires_at)
       VALUES ($1, $2, now() + make_interval(secs => $3))
       ON CONFLICT (conversation_key) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
         WHERE conversation_leases.expires_at < now() OR conversation_leases.owner = EXCLUDED.owner
       RETURNING owner`,
      [conversationKey, owner, seconds],
    );
    return rows.length === 1;
  }

  async releaseLease(conversationKey: string, owner: string): Promise<void> {
    await this.db.query('DELETE FROM conversation_leases WHERE conversation_key = $1 AND owner = $2', [conversationKey, owner]);
  }

  /** The oldest unprocessed event of the conversation (due or not: order is never skipped). */
  async nextEvent(conversationKey: string): Promise<StoredEvent | undefined> {
    const rows = await this.db.query<any>(
      `SELECT id, conversation_key, event, delivery_id, authenticated, payload, attempts, next_attempt_at FROM inbox_events
       WHERE conversation_key = $1 AND processed_at IS NULL ORDER BY id LIMIT 1`,
      [conversationKey],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      id: Number(r.id),
      deliveryId: r.delivery_id ?? undefined,
      conversationKey: r.conversation_key,
      event: r.event,
      payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
      authenticated: r.authenticated === true,
      attempts: r.attempts,
      nextAttemptAt: new Date(r.next_attempt_at),
    };
  }

  /**
   * Finishes a turn in one statement: marks the event processed, records its actions (in order) and runs `alongside`
   * (the conversation's new state), all only if no other worker processed the event first; then returns false and
   * writes nothing. One statement is atomic by itself: no transaction held open across round trips, which on the
   * embedded database would keep the webhook's INSERTs waiting.
   */
  async complete(
    q: Queryable,
    event: StoredEvent,
    outcome: string,
    actions: Array<{ accountId: number; conversationId: number; action: OutboxAction }>,
    alongside?: (onlyIf: string) => Statement,
  ): Promise<boolean> {
    const values: unknown[] = [event.id, storableText(outcome)];
    const parts = [`done AS (UPDATE inbox_events SET processed_at = now(), outcome = $2 WHERE id = $1 AND processed_at IS NULL RETURNING id)`];
    if (actions.length) {
      const list = valuesList(
        actions.map((a, n) => [n, event.conversationKey, event.id, a.accountId, a.conversationId, storableJson(a.action)]),
        ['int', 'text', 'bigint', 'bigint', 'bigint', 'jsonb'],
        values.length,
      );
      values.push(...list.values);
      // Ids (and so delivery order) follow the ORDER BY.
      parts.push(`actions AS (INSERT INTO outbox (conversation_key, inbox_event_id, account_id, conversation_id, action)
         SELECT k, e, a, c, x FROM (VALUES ${list.sql}) AS v (n, k, e, a, c, x) WHERE EXISTS (SELECT 1 FROM done) ORDER BY n)`);
    }
    if (alongside) {
      const statement = alongside('EXISTS (SELECT 1 FROM done)');
      parts.push(`alongside AS (${shiftParameters(statement.sql, values.length)})`);
      values.push(...statement.values);
    }
    const rows = await q.query(`WITH ${parts.join(',\n')} SELECT id FROM done`, values);
    return rows.length > 0;
  }

  /**
   * Stops retrying an event: marks it processed with `outcome` and queues `actions` (the last-resort handoff), in
   * one statement.
   */
  giveUpEvent(event: StoredEvent, outcome: string, actions: Array<{ accountId: number; conversationId: number; action: OutboxAction }>): Promise<boolean> {
    return this.complete(this.db, event, outcome, actions);
  }

  async deferEvent(eventId: number, error: string, delayMs: number): Promise<void> {
    await this.db.query(
      `UPDATE inbox_events SET attempts = attempts + 1, last_error = $2, next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1`,
      [eventId, storableText(error).slice(0, 2000), delayMs / 1000],
    );
  }

  /**
   * Takes the conversation's actions that are due, in order, up to the first one still waiting for its retry time,
   * and counts an attempt for each in the same statement: from here on each may have reached Chatwoot, so a
   * delivery after a crash checks the echo ledger before sending again. `blocked` says an earlier action is waiting.
   */
  async claimActions(conversationKey: string): Promise<{ rows: OutboxRow[]; blocked: boolean }> {
    const [r] = await this.db.query<{ blocked: boolean; claimed: unknown }>(
      `WITH waiting AS (
         SELECT min(id) AS id FROM outbox WHERE conversation_key = $1 AND done_at IS NULL AND next_attempt_at > now()
       ), claimed AS (
         UPDATE outbox SET attempts = attempts + 1
         WHERE conversation_key = $1 AND done_at IS NULL AND id < coalesce((SELECT id FROM waiting), 9223372036854775807)
         RETURNING id, conversation_key, account_id, conversation_id, action, attempts - 1 AS attempts, next_attempt_at, created_at
       )
       SELECT (SELECT id FROM waiting) IS NOT NULL AS blocked,
              (SELECT coalesce(json_agg(claimed ORDER BY id), '[]'::json) FROM claimed) AS claimed`,
      [conversationKey],
      // Durable: the turn that decided these actions (and any booking it made) must survive a power cut before
      // Chatwoot, and so the guest, hears of it.
      { durable: true },
    );
    const claimed = (typeof r.claimed === 'string' ? JSON.parse(r.claimed) : r.claimed) as any[];
    return {
      blocked: Boolean(r.blocked),
      rows: claimed.map((c) => ({
        id: Number(c.id),
        conversationKey: c.conversation_key,
        accountId: Number(c.account_id),
        conversationId: Number(c.conversation_id),
        action: typeof c.action === 'string' ? JSON.parse(c.action) : c.action,
        attempts: Number(c.attempts),
        nextAttemptAt: new Date(c.next_attempt_at),
        createdAt: new Date(c.created_at),
      })),
    };
  }

  async actionDone(id: number, error?: string): Promise<void> {
    // Urgent: until this is written, a crash would send the message again (the "in doubt" window).
    await this.db.query('UPDATE outbox SET done_at = now(), last_error = $2 WHERE id = $1', [id, error === undefined ? null : storableText(error)], { urgent: true });
  }

  /**
   * The action failed and waits `delayMs`; the claimed actions behind it were not attempted, so their attempt is
   * given back (they will not wait for an echo that cannot come).
   */
  async deferAction(row: OutboxRow, error: string, delayMs: number): Promise<void> {
    await this.db.query(
      `UPDATE outbox SET
         last_error = CASE WHEN id = $1 THEN $3 ELSE last_error END,
         next_attempt_at = CASE WHEN id = $1 THEN now() + make_interval(secs => $4) ELSE next_attempt_at END,
         attempts = CASE WHEN id = $1 THEN attempts ELSE greatest(attempts - 1, 0) END
       WHERE conversation_key = $2 AND id >= $1 AND done_at IS NULL`,
      [row.id, row.conversationKey, storableText(error).slice(0, 2000), delayMs / 1000],
    );
  }

  /**
   * Stops retrying an action: marks it done with `error` and queues `handoff` after the conversation's other actions,
   * in one statement.
   */
  async giveUpAction(row: OutboxRow, error: string, handoff: OutboxAction[]): Promise<void> {
    const values: unknown[] = [row.id, storableText(error).slice(0, 2000)];
    let insert = '';
    if (handoff.length) {
      const list = valuesList(
        handoff.map((action, n) => [n, row.conversationKey, row.accountId, row.conversationId, storableJson(action)]),
        ['int', 'text', 'bigint', 'bigint', 'jsonb'],
        values.length,
      );
      values.push(...list.values);
      insert = `, handoff AS (INSERT INTO outbox (conversation_key, inbox_event_id, account_id, conversation_id, action)
         SELECT k, (SELECT inbox_event_id FROM given_up), a, c, x FROM (VALUES ${list.sql}) AS v (n, k, a, c, x)
         WHERE EXISTS (SELECT 1 FROM given_up) ORDER BY n)`;
    }
    await this.db.query(
      `WITH given_up AS (UPDATE outbox SET done_at = now(), last_error = $2 WHERE id = $1 AND done_at IS NULL RETURNING inbox_event_id)${insert}
       SELECT 1`,
      values,
      { urgent: true },
    );
  }

  async queueDepth(): Promise<{ events: number; actions: number }> {
    const [r] = await this.db.query<{ e: number; a: number }>(
      `SELECT (SELECT count(*) FROM inbox_events WHERE processed_at IS NULL)::int AS e,
              (SELECT count(*) FROM outbox WHERE done_at IS NULL)::int AS a`,
    );
    return { events: Number(r.e), actions: Number(r.a) };
  }

  async recordEcho(accountId: number, conversationId: number, echoId: string | null, contentHash: string): Promise<void> {
    await this.db.query(
      'INSERT INTO bot_echoes (account_id, conversation_id, echo_id, content_hash) VALUES ($1, $2, $3, $4)',
      [accountId, conversationId, echoId, contentHash],
      { urgent: true },
    );
  }

  async echoSeen(accountId: number, conversationId: number, echoId: string, contentHash: string, since: Date): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM bot_echoes WHERE account_id = $1 AND conversation_id = $2
         AND (echo_id = $3 OR (content_hash = $4 AND seen_at >= $5)) LIMIT 1`,
      [accountId, conversationId, echoId, contentHash, since.toISOString()],
    );
    return rows.length > 0;
  }
}

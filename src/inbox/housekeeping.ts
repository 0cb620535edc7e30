/**
 * Housekeeping: the inbox, outbox and echo ledger only need their finished rows for a while (deduplication of
 * Chatwoot's retries takes seconds, an operator's look at a recent turn takes days), so finished rows older than
 * the retention are deleted, a small batch at a time so intake never waits long behind them. Work not finished
 * is never touched, however old. A conversation's dialogue state (it holds guests' emails and booking codes) is
 * cleared once it has not changed for the retention period: it expired for the dialogue long before (after
 * CONVERSATION_IDLE_MINUTES), and the conversation's status and takeover flags, which the guards need, stay. The embedded database has no autovacuum (it runs PostgreSQL in single-user
 * mode), so there the tables are also vacuumed and analysed after each pass; a PostgreSQL server does that itself.
 */
import type { Database } from '../db/database';
import type { Logger } from '../logging/logger';

export const RETENTION_DAYS = 7;
/** Echoes answer "did an earlier attempt of this message land?": a day covers every retry schedule. */
export const ECHO_RETENTION_HOURS = 24;
const BATCH = 2000;

export interface HousekeepingResult {
  inboxEvents: number;
  outbox: number;
  echoes: number;
  /** Conversations whose dialogue state was cleared. */
  states: number;
}

export class Housekeeping {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly opts: { retentionDays?: number; intervalMs?: number; firstRunMs?: number } = {},
  ) {}

  /** First pass a minute after start (not during start-up), then hourly. */
  start(): void {
    const tick = () => {
      this.running = this.runOnce()
        .catch((err) => this.logger.warn(`housekeeping failed (tried again next hour): ${(err as Error).message}`))
        .finally(() => {
          if (this.stopped) return;
          this.timer = setTimeout(tick, this.opts.intervalMs ?? 60 * 60_000);
          this.timer.unref();
        });
    };
    this.timer = setTimeout(tick, this.opts.firstRunMs ?? 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  async runOnce(): Promise<HousekeepingResult> {
    const days = this.opts.retentionDays ?? RETENTION_DAYS;
    const result: HousekeepingResult = {
      // Actions first: a delivery goes only once none of its actions is left.
      outbox: await this.deleteInBatches(
        `DELETE FROM outbox WHERE id IN (
           SELECT id FROM outbox WHERE done_at IS NOT NULL AND created_at < now() - make_interval(days => $1) ORDER BY id LIMIT $2)`,
        [days],
      ),
      inboxEvents: await this.deleteInBatches(
        `DELETE FROM inbox_events WHERE id IN (
           SELECT id FROM inbox_events e WHERE processed_at IS NOT NULL AND received_at < now() - make_interval(days => $1)
             AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.inbox_event_id = e.id) ORDER BY id LIMIT $2)`,
        [days],
      ),
      echoes: await this.deleteInBatches(
        `DELETE FROM bot_echoes WHERE id IN (
           SELECT id FROM bot_echoes WHERE seen_at < now() - make_interval(hours => $1) ORDER BY id LIMIT $2)`,
        [ECHO_RETENTION_HOURS],
      ),
      states: await this.deleteInBatches(
        `UPDATE conversations SET state = NULL, state_updated_at = NULL WHERE conversation_key IN (
           SELECT conversation_key FROM conversations WHERE state IS NOT NULL AND state_updated_at < now() - make_interval(days => $1)
           ORDER BY conversation_key LIMIT $2)`,
        [days],
      ),
    };
    if (this.db.kind === 'embedded') {
      for (const table of ['inbox_events', 'outbox', 'bot_echoes', 'conversations', 'conversation_leases']) {
        await this.db.query(`VACUUM (ANALYZE) ${table}`);
      }
    }
    const removed = result.inboxEvents + result.outbox + result.echoes + result.states;
    if (removed) {
      this.logger.info(
        `housekeeping: removed ${result.inboxEvents} deliveries, ${result.outbox} actions, ${result.echoes} echoes and ${result.states} conversation states older than the retention`,
      );
    }
    return result;
  }

  private async deleteInBatches(sql: string, params: unknown[]): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await this.db.query(`${sql} RETURNING 1`, [...params, BATCH]);
      total += rows.length;
      if (rows.length < BATCH) return total;
    }
  }
}

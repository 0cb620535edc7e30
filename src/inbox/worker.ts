/**
 * The worker: takes conversations with due work, leases each one (so across all replicas only one worker runs a
 * conversation), delivers its pending Chatwoot actions, then processes its events oldest first, one at a time.
 * Different conversations run concurrently. It wakes at once for work accepted in this process and polls for work
 * accepted by other replicas or left over from a crash.
 */
import { randomUUID } from 'node:crypto';
import { ChatwootRequestError, type ChatwootApi } from '../chatwoot/api';
import { contentHash } from '../chatwoot/client';
import type { Logger } from '../logging/logger';
import type { TurnProcessor } from './processor';
import type { InboxStore, OutboxRow } from './store';

export interface WorkerOptions {
  store: InboxStore;
  processor: TurnProcessor;
  chatwoot: ChatwootApi;
  logger: Logger;
  concurrency: number;
  /** While `intakeBusy()` says deliveries are queuing for their acknowledgement, take at most this many at once. */
  burstConcurrency?: number;
  intakeBusy?: () => boolean;
  /** Each stored event taken care of (processed, or deferred after a failure). */
  onEventDone?: () => void;
  pollMs?: number;
  leaseSeconds?: number;
  owner?: string;
  /** How long a retry waits for the echo of an earlier attempt before sending again. */
  echoWaitMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Short, so a crashed replica's conversations are picked up soon; renewed before every step of a turn. */
export const LEASE_SECONDS = 15;

export function backoffMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.min(attempts, 10), 5 * 60_000);
}

export class Worker {
  readonly owner: string;
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  /** Work was kicked while every slot was busy: poll for it as soon as a slot frees up. */
  private skipped = false;
  private wakeRequested = false;
  private stopped = true;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;

  constructor(private readonly opts: WorkerOptions) {
    this.owner = opts.owner ?? `w-${randomUUID()}`;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  /** Stops taking new work and waits for the conversations in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp();
    await this.loop;
    await Promise.allSettled([...this.running.values()]);
  }

  /** Work was just accepted for this conversation: run it now rather than at the next poll. */
  kick(conversationKey: string): void {
    if (this.stopped) return;
    if (this.running.has(conversationKey)) this.again.add(conversationKey);
    // With conversations already waiting for a slot, the poll takes them oldest first: no overtaking.
    else if (this.running.size < this.slots() && !this.skipped) this.launch(conversationKey);
    else this.skipped = true; // picked up by the poll as soon as a slot frees up
  }

  /** How many conversations may run at once right now. */
  private slots(): number {
    const { concurrency, burstConcurrency, intakeBusy } = this.opts;
    return burstConcurrency !== undefined && intakeBusy?.() ? Math.min(burstConcurrency, concurrency) : concurrency;
  }

  private wakeUp(): void {
    this.wakeRequested = true;
    this.wake?.();
  }

  get busy(): number {
    return this.running.size;
  }

  private async run(): Promise<void> {
    const poll = this.opts.pollMs ?? 300;
    while (!this.stopped) {
      this.wakeRequested = false;
      try {
        const free = this.slots() - this.running.size;
        if (free > 0) {
          const keys = await this.opts.store.conversationsWithWork(free + this.running.size);
          let launched = 0;
          for (const key of keys) {
            if (this.running.size >= this.slots()) break;
            if (!this.running.has(key)) {
              this.launch(key);
              launched++;
            }
          }
          // Every waiting conversation found a slot: the backlog of skipped kicks is absorbed.
          if (launched < free) this.skipped = false;
        }
      } catch (err) {
        this.opts.logger.warn(`worker poll failed: ${(err as Error).message}`);
      }
      await new Promise<void>((resolve) => {
        if (this.wakeRequested || this.stopped) return resolve(); // woken while polling: poll again at once
        this.wake = resolve;
        setTimeout(resolve, poll).unref?.();
      });
    }
  }

  private launch(key: string): void {
    const p = this.runConversation(key)
      .catch((err) => {
        this.opts.logger.warn(`conversation ${key}: ${(err as Error).message}`);
      })
      .finally(() => {
        this.running.delete(key);
        if (this.again.delete(key) && !this.stopped) this.launch(key);
        else if (this.skipped) this.wakeUp();
      });
    this.running.set(key, p);
  }

  private async runConversation(key: string): Promise<void> {
    const { store } = this.opts;
    const lease = new Lease(store, key, this.owner, this.opts.leaseSeconds ?? LEASE_SECONDS);
    if (!(await lease.take())) return;
    try {
      while (!this.stopped) {
        this.again.delete(key);
        if (!(await this.deliver(key, lease))) return; // an action is waiting for its retry time
        if (this.running.size > this.slots()) {
          // A burst of deliveries: make way for their acknowledgements; the poll brings this conversation back.
          this.skipped = true;
          return;
        }
        const next = await store.nextEvent(key);
        if (!next) return;
        if (next.nextAttemptAt.getTime() > Date.now()) return;
        await lease.keep();
        try {
          await this.opts.processor.process(next);
        } catch (err) {
          const message = (err as Error).message;
          this.opts.logger.warn(`turn ${next.id} of ${key} failed (attempt ${next.attempts + 1}): ${message}`);
          await store.deferEvent(next.id, message, backoffMs(next.attempts) / 2);
          return;
        } finally {
          this.opts.onEventDone?.();
        }
      }
    } finally {
      await lease.release().catch(() => undefined);
    }
  }

  /** Delivers the conversation's pending actions in order. False when one must wait for a later retry. */
  private async deliver(key: string, lease: Lease): Promise<boolean> {
    const { store } = this.opts;
    const { rows, blocked } = await store.claimActions(key);
    for (const row of rows) {
      await lease.keep();
      try {
        await this.execute(row);
        await store.actionDone(row.id);
      } catch (err) {
        if (err instanceof ChatwootRequestError && err.status !== 401) {
          // Chatwoot refused this call for good (e.g. a deleted conversation): record it, do not block the queue.
          this.opts.logger.error(`Chatwoot refused action ${row.id} of ${key}: ${err.message}`);
          await store.actionDone(row.id, err.message);
          continue;
        }
        this.opts.logger.warn(`action ${row.id} of ${key} will be retried: ${(err as Error).message}`);
        await store.deferAction(row, (err as Error).message, backoffMs(row.attempts));
        return false;
      }
    }
    return !blocked;
  }

  private async execute(row: OutboxRow): Promise<void> {
    const ref = { accountId: row.accountId, conversationId: row.conversationId };
    const a = row.action;
    switch (a.type) {
      case 'message': {
        const echoId = `hb-${row.id}`;
        if (row.attempts > 0) {
          // An earlier attempt may have landed although its response (or its "done" mark) was lost: its echo
          // proves it. Give a late echo a moment (Chatwoot retries its own deliveries) before sending again.
          const seen = () => this.opts.store.echoSeen(row.accountId, row.conversationId, echoId, contentHash(a.message.content), row.createdAt);
          if ((await seen()) || (await sleep(this.opts.echoWaitMs ?? 2000).then(seen))) return;
        }
        await this.opts.chatwoot.sendMessage(ref, a.message as never, { echoId });
        return;
      }
      case 'custom_attributes':
        return this.opts.chatwoot.setCustomAttributes(ref, a.attributes);
      case 'assign_team':
        return this.opts.chatwoot.assignTeam(ref, a.teamId);
      case 'status':
        return this.opts.chatwoot.toggleStatus(ref, a.status);
    }
  }
}

/**
 * A conversation's lease as this worker holds it. Renewed only once a third of its time has passed, rather than
 * before every step: a renewal is a write, and most turns finish in a fraction of the lease.
 */
class Lease {
  private takenAt = 0;

  constructor(
    private readonly store: InboxStore,
    private readonly key: string,
    private readonly owner: string,
    private readonly seconds: number,
  ) {}

  async take(): Promise<boolean> {
    const ok = await this.store.tryLease(this.key, this.owner, this.seconds);
    if (ok) this.takenAt = Date.now();
    return ok;
  }

  async keep(): Promise<void> {
    if (Date.now() - this.takenAt < (this.seconds * 1000) / 3) return;
    if (!(await this.take())) throw new Error(`lost the lease on ${this.key}: another worker took it over`);
  }

  release(): Promise<void> {
    return this.store.releaseLease(this.key, this.owner);
  }
}

export { sleep };

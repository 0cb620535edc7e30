/**
 * The worker: takes conversations with due work, leases each one (so across all replicas only one worker runs a
 * conversation), delivers its pending Chatwoot actions, then processes its events oldest first, one at a time.
 * Different conversations run concurrently. It wakes at once for work accepted in this process and polls for work
 * accepted by other replicas or left over from a crash.
 */
import { randomUUID } from 'node:crypto';
import { ChatwootRequestError, ChatwootRetryableError, type ChatwootApi } from '../chatwoot/api';
import { contentHash } from './content-hash';
import type { Logger } from '../logging/logger';
import type { TurnProcessor } from './processor';
import { conversationRefOf, lastResortHandoff, MAX_ACTION_ATTEMPTS, MAX_EVENT_ATTEMPTS } from './give-up';
import type { InboxStore, OutboxAction, OutboxRow, StoredEvent } from './store';

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
  /** The wait before retry number `attempts + 1` (tests make it short); default backoffMs. */
  retryDelayMs?: (attempts: number) => number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Short, so a crashed replica's conversations are picked up soon. Renewed before each step of a conversation's work
 * once a third of it has passed, and every third of it while a Chatwoot call runs (Lease.heldDuring).
 */
export const LEASE_SECONDS = 15;

/** The action as staff would name it in a note. */
function describe(action: OutboxAction): string {
  switch (action.type) {
    case 'message':
      return action.message.private ? 'private note' : 'reply to the guest';
    case 'custom_attributes':
      return 'conversation attributes';
    case 'assign_team':
      return 'team assignment';
    case 'status':
      return `status change (${action.status})`;
  }
}

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
          if (next.attempts + 1 >= MAX_EVENT_ATTEMPTS) {
            await this.giveUpEvent(next, message);
            continue;
          }
          this.opts.logger.warn(`turn ${next.id} of ${key} failed (attempt ${next.attempts + 1}): ${message}`);
          await store.deferEvent(next.id, message, this.retryDelay(next.attempts) / 2);
          return;
        } finally {
          this.opts.onEventDone?.();
        }
      }
    } finally {
      await lease.release().catch(() => undefined);
    }
  }

  /**
   * A turn failed MAX_EVENT_ATTEMPTS times, its error handoff included: the event is marked processed so the
   * conversation's later messages are not blocked behind it, and staff get the last-resort handoff.
   */
  private async giveUpEvent(event: StoredEvent, error: string): Promise<void> {
    const ref = conversationRefOf(event.payload);
    this.opts.logger.error(`turn ${event.id} of ${event.conversationKey} failed ${event.attempts + 1} times: handing the conversation to staff (${error})`);
    const actions = ref
      ? lastResortHandoff(`The bot could not process a message in this conversation (${event.attempts + 1} attempts)`).map((action) => ({ ...ref, action }))
      : [];
    await this.opts.store.giveUpEvent(event, `gave up after ${event.attempts + 1} attempts: ${error}`.slice(0, 500), actions);
  }

  private retryDelay(attempts: number): number {
    return (this.opts.retryDelayMs ?? backoffMs)(attempts);
  }

  /**
   * Delivers the conversation's pending actions in order. False when one must wait for a later retry. This is the
   * one retry layer for Chatwoot calls: the client makes one attempt per call; a failure that may pass (429, 5xx,
   * timeout, connection) is retried here with exponential backoff, never sooner than Chatwoot's Retry-After, up to
   * MAX_ACTION_ATTEMPTS; then the action is given up and the conversation handed to staff.
   */
  private async deliver(key: string, lease: Lease): Promise<boolean> {
    const { store } = this.opts;
    const { rows, blocked } = await store.claimActions(key);
    for (const row of rows) {
      await lease.keep();
      try {
        // The lease is renewed while the call runs: a slow Chatwoot must not let another replica send it too.
        await lease.heldDuring(this.execute(row));
        await store.actionDone(row.id);
      } catch (err) {
        const message = (err as Error).message;
        if (err instanceof ChatwootRequestError && err.status !== 401) {
          // Chatwoot refused this call for good (e.g. a deleted conversation): record it, do not block the queue.
          this.opts.logger.error(`Chatwoot refused action ${row.id} of ${key}: ${message}`);
          await store.actionDone(row.id, message);
          continue;
        }
        if (row.attempts + 1 >= MAX_ACTION_ATTEMPTS) {
          await this.giveUpAction(row, message);
          continue;
        }
        const retryAfter = err instanceof ChatwootRetryableError ? (err.retryAfterMs ?? 0) : 0;
        const wait = Math.max(this.retryDelay(row.attempts), retryAfter);
        this.opts.logger.warn(`action ${row.id} of ${key} will be retried in ${wait} ms (attempt ${row.attempts + 1}): ${message}`);
        await store.deferAction(row, message, wait);
        return false;
      }
    }
    return !blocked;
  }

  /** A Chatwoot call failed MAX_ACTION_ATTEMPTS times: stop, and tell staff (unless this was that message). */
  private async giveUpAction(row: OutboxRow, error: string): Promise<void> {
    const attempts = row.attempts + 1;
    this.opts.logger.error(`action ${row.id} (${row.action.type}) of ${row.conversationKey} failed ${attempts} times: giving up (${error})`);
    const handoff = row.action.lastResort ? [] : lastResortHandoff(`The bot could not deliver its ${describe(row.action)} to Chatwoot (${attempts} attempts)`);
    await this.opts.store.giveUpAction(row, `gave up after ${attempts} attempts: ${error}`, handoff);
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
 * A conversation's lease as this worker holds it. Between steps it is renewed only once a third of its time has
 * passed, rather than before every step: a renewal is a write, and most turns finish in a fraction of the lease.
 * While a Chatwoot call runs (which may take up to its deadline), a heartbeat renews it every third of its time.
 */
class Lease {
  private takenAt = 0;
  private lost = false;

  constructor(
    private readonly store: InboxStore,
    private readonly key: string,
    private readonly owner: string,
    private readonly seconds: number,
  ) {}

  async take(): Promise<boolean> {
    const ok = await this.store.tryLease(this.key, this.owner, this.seconds);
    if (ok) this.takenAt = Date.now();
    else this.lost = true;
    return ok;
  }

  async keep(): Promise<void> {
    if (!this.lost && Date.now() - this.takenAt < (this.seconds * 1000) / 3) return;
    if (this.lost || !(await this.take())) throw new Error(`lost the lease on ${this.key}: another worker took it over`);
  }

  /** Waits for `work`, renewing the lease every third of its time meanwhile. */
  async heldDuring<T>(work: Promise<T>): Promise<T> {
    const beat = setInterval(() => {
      this.take().catch(() => undefined); // a failed renewal is seen by the next keep()
    }, (this.seconds * 1000) / 3);
    try {
      return await work;
    } finally {
      clearInterval(beat);
    }
  }

  release(): Promise<void> {
    return this.store.releaseLease(this.key, this.owner);
  }
}

export { sleep };

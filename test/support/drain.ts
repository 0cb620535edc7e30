/**
 * Waiting for a running service to finish its work, rather than for a fixed quiet window: the queue depth it
 * reports on /metrics (unprocessed deliveries, undelivered Chatwoot actions — a deferred retry counts until it is
 * done) is polled until both are 0. With replicas on one PostgreSQL any replica reports the shared queue.
 *
 * Once the expected answers have arrived and the queue is empty, nothing more can be sent: a message leaves only
 * from an outbox row that is not done yet.
 */
export async function queueDepth(url: string): Promise<{ events: number; actions: number } | undefined> {
  const res = await fetch(`${url}/metrics`).catch(() => undefined);
  if (!res?.ok) return undefined;
  const text = await res.text();
  const value = (queue: string) => {
    const m = new RegExp(`^hotelbot_queue_depth\\{queue="${queue}"\\} (\\d+)$`, 'm').exec(text);
    return m ? Number(m[1]) : undefined;
  };
  const events = value('events');
  const actions = value('actions');
  return events === undefined || actions === undefined ? undefined : { events, actions };
}

/** Resolves when `url` reports an empty queue; fails after `tries` polls of 100 ms, saying what was left. */
export async function drained(url: string, tries = 1200): Promise<void> {
  let last: Awaited<ReturnType<typeof queueDepth>>;
  for (let i = 0; i < tries; i++) {
    last = await queueDepth(url);
    if (last && last.events === 0 && last.actions === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the queue did not drain: ${last ? `${last.events} deliveries and ${last.actions} actions left` : 'no queue depth on /metrics'}`);
}

/** The sum of a counter on /metrics over the series whose labels include `labels` (0 when none). */
export async function metricSum(url: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const res = await fetch(`${url}/metrics`).catch(() => undefined);
  if (!res?.ok) return 0;
  let sum = 0;
  for (const line of (await res.text()).split('\n')) {
    const m = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) sum += Number(m[3]);
  }
  return sum;
}

/** Polls `check` every 100 ms until it holds; fails naming `what` after `tries` polls. */
export async function until(check: () => Promise<boolean>, what: string, tries = 600): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * End to end: guest turns fully processed (receive → store → NLU → dialogue → Chatwoot API call on a local
 * server). Turn latency = from sending the delivery to the bot's first message for it arriving at the Chatwoot
 * sink. Two loads:
 * - saturation (`measureTurns`): `inFlight` guests write as fast as the bot answers them (each writes, waits for
 *   the reply, writes again): the most turns per second the service can do;
 * - paced (`measurePacedTurns`): guests of `conversations` open conversations write at a steady total `rate`,
 *   each only after the bot answered their previous message, as people do: the latency a guest sees at that load.
 */
import * as http from 'node:http';
import type { ChatwootSink } from './chatwoot-sink';
import { incomingMessagePayload, signedHeaders, uniqueIdBase } from './payloads';
import { round, summarize } from './stats';

const GUEST_LINES = [
  'hi there',
  'do you have a double room next weekend for 2 people?',
  'how much is the suite per night?',
  'is there parking?',
  'what time is check-in?',
  'thanks a lot!',
];

// Chatwoot message ids are unique per installation and the bot deduplicates by them: a run against a database an
// earlier run used (BENCH_DATABASE_URL) must not repeat them, or its deliveries are all duplicates.
let messageSeq = uniqueIdBase();

export interface TurnsResult {
  conversations: number;
  turns: number;
  inFlight: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  timeouts: number;
}

function post(agent: http.Agent, url: URL, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Latencies of answered turns and the count of turns the bot did not answer in time. */
class Tally {
  readonly latencies: number[] = [];
  timeouts = 0;
  get turns(): number {
    return this.latencies.length + this.timeouts;
  }
}

/**
 * One guest message and the wait for the bot's first reply to it, recorded in `tally`; then `settleMs` for the
 * rest of a multi-message answer, which is dropped so it cannot pass for the reply to the guest's next message.
 */
async function oneTurn(
  agent: http.Agent,
  url: URL,
  sink: ChatwootSink,
  opts: { secret: string; replyTimeoutMs?: number },
  turn: { conversationId: number; text: string; settleMs: number },
  tally: Tally,
): Promise<void> {
  const { conversationId, text } = turn;
  const body = JSON.stringify(incomingMessagePayload({ accountId: 1, inboxId: 7, conversationId, contactId: conversationId, messageId: messageSeq++, text }));
  const sentAt = Date.now();
  const reply = sink.nextMessage(conversationId);
  const status = await post(agent, url, body, signedHeaders(body, opts.secret));
  if (status >= 300) throw new Error(`webhook answered ${status}`);
  const arrived = await Promise.race([reply, new Promise<null>((r) => setTimeout(() => r(null), opts.replyTimeoutMs ?? 30_000).unref())]);
  if (arrived === null) tally.timeouts++;
  else tally.latencies.push(arrived - sentAt);
  await new Promise((r) => setTimeout(r, turn.settleMs));
  sink.drain(conversationId);
}

export interface PacedResult {
  conversations: number;
  /** The rate asked for and the rate achieved (lower when every guest was still waiting for the bot). */
  rate: number;
  achievedRate: number;
  turns: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  timeouts: number;
}

/**
 * Guests of `conversations` already open conversations (ids from `firstConversationId`) write `turns` messages at
 * a steady total `rate` per second, taking turns round-robin; a guest still waiting for the bot is passed over.
 */
export async function measurePacedTurns(
  baseUrl: string,
  sink: ChatwootSink,
  opts: { secret: string; conversations: number; rate: number; turns: number; firstConversationId: number; replyTimeoutMs?: number },
): Promise<PacedResult> {
  const url = new URL(`${baseUrl}/webhooks/chatwoot`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 100 });
  const busy = new Set<number>();
  const tally = new Tally();
  const pending: Array<Promise<void>> = [];
  let cursor = 0;
  const started = Date.now();
  for (let i = 0; i < opts.turns; i++) {
    // Steady schedule: the i-th message is due at start + i / rate, whatever happened before.
    const due = started + (i * 1000) / opts.rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    let index = -1;
    for (let k = 0; k < opts.conversations; k++) {
      const candidate = (cursor + k) % opts.conversations;
      if (!busy.has(candidate)) {
        index = candidate;
        break;
      }
    }
    if (index < 0) continue;
    cursor = index + 1;
    busy.add(index);
    const conversationId = opts.firstConversationId + index;
    const text = GUEST_LINES[i % GUEST_LINES.length];
    pending.push(oneTurn(agent, url, sink, opts, { conversationId, text, settleMs: 50 }, tally).then(() => void busy.delete(index)));
  }
  await Promise.all(pending);
  agent.destroy();
  const seconds = (Date.now() - started) / 1000;
  const s = summarize(tally.latencies);
  return {
    conversations: opts.conversations,
    rate: opts.rate,
    achievedRate: round(tally.turns / seconds, 1),
    turns: tally.turns,
    p50Ms: s.p50,
    p99Ms: s.p99,
    maxMs: s.max,
    timeouts: tally.timeouts,
  };
}

export async function measureTurns(
  baseUrl: string,
  sink: ChatwootSink,
  opts: { secret: string; conversations: number; turnsEach: number; inFlight: number; firstConversationId: number; replyTimeoutMs?: number },
): Promise<TurnsResult> {
  const url = new URL(`${baseUrl}/webhooks/chatwoot`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Math.min(opts.inFlight, 100) });
  const tally = new Tally();
  let next = 0;
  const started = Date.now();

  async function guest(conversationIndex: number): Promise<void> {
    const conversationId = opts.firstConversationId + conversationIndex;
    for (let t = 0; t < opts.turnsEach; t++) {
      const text = GUEST_LINES[(conversationIndex + t) % GUEST_LINES.length];
      await oneTurn(agent, url, sink, opts, { conversationId, text, settleMs: 20 }, tally);
    }
  }

  async function lane(): Promise<void> {
    while (next < opts.conversations) await guest(next++);
  }
  await Promise.all(Array.from({ length: Math.min(opts.inFlight, opts.conversations) }, lane));
  agent.destroy();
  const seconds = (Date.now() - started) / 1000;
  const s = summarize(tally.latencies);
  return {
    conversations: opts.conversations,
    turns: tally.turns,
    inFlight: opts.inFlight,
    turnsPerSecond: round(tally.latencies.length / seconds, 1),
    p50Ms: s.p50,
    p99Ms: s.p99,
    timeouts: tally.timeouts,
  };
}

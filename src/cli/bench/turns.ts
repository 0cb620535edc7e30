/**
 * End to end: guest turns fully processed (receive → store → NLU → dialogue → Chatwoot API call on a local
 * server). Each simulated guest writes, waits for the bot's first reply, then writes again. `conversations`
 * distinct conversations take `turnsEach` turns; at most `inFlight` guests are typing at the same moment.
 * Turn latency = from sending the delivery to the bot's first message for it arriving at the Chatwoot sink.
 */
import * as http from 'node:http';
import type { ChatwootSink } from './chatwoot-sink';
import { incomingMessagePayload, signedHeaders } from './payloads';
import { round, summarize } from './stats';

const GUEST_LINES = [
  'hi there',
  'do you have a double room next weekend for 2 people?',
  'how much is the suite per night?',
  'is there parking?',
  'what time is check-in?',
  'thanks a lot!',
];

let messageSeq = 5_000_000;

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

export async function measureTurns(
  baseUrl: string,
  sink: ChatwootSink,
  opts: { secret: string; conversations: number; turnsEach: number; inFlight: number; firstConversationId: number; replyTimeoutMs?: number },
): Promise<TurnsResult> {
  const url = new URL(`${baseUrl}/webhooks/chatwoot`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Math.min(opts.inFlight, 100) });
  const latencies: number[] = [];
  let timeouts = 0;
  let next = 0;
  const started = Date.now();

  async function guest(conversationIndex: number): Promise<void> {
    const conversationId = opts.firstConversationId + conversationIndex;
    for (let t = 0; t < opts.turnsEach; t++) {
      const text = GUEST_LINES[(conversationIndex + t) % GUEST_LINES.length];
      const body = JSON.stringify(
        incomingMessagePayload({ accountId: 1, inboxId: 7, conversationId, contactId: conversationId, messageId: messageSeq++, text }),
      );
      const sentAt = Date.now();
      const reply = sink.nextMessage(conversationId);
      const status = await post(agent, url, body, signedHeaders(body, opts.secret));
      if (status >= 300) throw new Error(`webhook answered ${status}`);
      const arrived = await Promise.race([
        reply,
        new Promise<null>((r) => setTimeout(() => r(null), opts.replyTimeoutMs ?? 30_000).unref()),
      ]);
      if (arrived === null) timeouts++;
      else latencies.push(arrived - sentAt);
      // Let any further messages of the same turn arrive before the guest writes again.
      await new Promise((r) => setTimeout(r, 20));
      sink.drain(conversationId);
    }
  }

  async function lane(): Promise<void> {
    while (next < opts.conversations) await guest(next++);
  }
  await Promise.all(Array.from({ length: Math.min(opts.inFlight, opts.conversations) }, lane));
  agent.destroy();
  const seconds = (Date.now() - started) / 1000;
  const s = summarize(latencies);
  return {
    conversations: opts.conversations,
    turns: latencies.length + timeouts,
    inFlight: opts.inFlight,
    turnsPerSecond: round(latencies.length / seconds, 1),
    p50Ms: s.p50,
    p99Ms: s.p99,
    timeouts,
  };
}

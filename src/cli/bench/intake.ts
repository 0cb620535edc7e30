/**
 * Webhook intake: signed, unique `message_created` deliveries at 50 concurrent connections against the service
 * (which verifies, validates and stores each one durably before answering) and against a bare Express endpoint
 * that only parses the same JSON. The ratio of the two throughputs is the figure.
 */
import autocannon from 'autocannon';
import { incomingMessagePayload, signedHeaders, uniqueIdBase } from './payloads';
import { round } from './stats';

export interface IntakeResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  total: number;
}

// Chatwoot message ids are unique per installation and the bot deduplicates by them: a run against a database an
// earlier run used (BENCH_DATABASE_URL) must not repeat them, or its deliveries are all duplicates.
let messageSeq = uniqueIdBase();

export async function measureIntake(baseUrl: string, opts: { secret: string; amount: number; connections?: number; conversations?: number }): Promise<IntakeResult> {
  const conversations = opts.conversations ?? 500;
  // Elapsed time is taken from the first request to the last response: autocannon's own duration is rounded up to
  // its one-second sampling tick, which flattens short runs.
  let firstSentAt = 0;
  let lastAnsweredAt = 0;
  const result = await autocannon({
    url: `${baseUrl}/webhooks/chatwoot`,
    connections: opts.connections ?? 50,
    amount: opts.amount,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (req: any) => {
          if (!firstSentAt) firstSentAt = performance.now();
          const id = messageSeq++;
          const conversationId = 100_000 + (id % conversations);
          const body = JSON.stringify(
            incomingMessagePayload({ accountId: 1, inboxId: 7, conversationId, contactId: conversationId, messageId: id, text: 'Is there parking at the hotel?' }),
          );
          return { ...req, body, headers: signedHeaders(body, opts.secret) };
        },
        onResponse: () => {
          lastAnsweredAt = performance.now();
        },
      },
    ],
  } as any);
  return {
    requestsPerSecond: round(result.requests.total / (Math.max(1, lastAnsweredAt - firstSentAt) / 1000), 1),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
  };
}

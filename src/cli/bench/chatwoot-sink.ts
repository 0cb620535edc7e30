/**
 * A minimal Chatwoot API on loopback for benchmarks: accepts the bot's calls at once and records, per
 * conversation, when each message arrived, so turn latency can be measured from outside the service.
 */
import * as http from 'node:http';

export interface ChatwootSink {
  url: string;
  /** Resolves with the arrival time of the next bot message in that conversation (ms since epoch). */
  nextMessage(conversationId: number): Promise<number>;
  /** Forgets messages that arrived for a conversation and were not waited for (the rest of a multi-message turn). */
  drain(conversationId: number): void;
  messages: number;
  calls: number;
  close(): Promise<void>;
}

export function startChatwootSink(): Promise<ChatwootSink> {
  const waiters = new Map<number, Array<(t: number) => void>>();
  const early = new Map<number, number[]>();
  let nextId = 1;
  const sink: ChatwootSink = {
    url: '',
    messages: 0,
    calls: 0,
    nextMessage(conversationId) {
      const queued = early.get(conversationId);
      if (queued && queued.length) return Promise.resolve(queued.shift()!);
      return new Promise((resolve) => {
        const list = waiters.get(conversationId) ?? [];
        list.push(resolve);
        waiters.set(conversationId, list);
      });
    },
    drain(conversationId) {
      early.delete(conversationId);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      sink.calls++;
      const m = /\/conversations\/(\d+)\/messages$/.exec(req.url ?? '');
      if (req.method === 'POST' && m) {
        sink.messages++;
        const conversationId = Number(m[1]);
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        if (!body.private) {
          const now = Date.now();
          const list = waiters.get(conversationId);
          if (list && list.length) list.shift()!(now);
          else early.set(conversationId, [...(early.get(conversationId) ?? []), now]);
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: nextId++, content: body.content, echo_id: body.echo_id, message_type: 1, status: 'sent' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address() as { port: number };
      sink.url = `http://127.0.0.1:${addr.port}`;
      resolve(sink);
    }),
  );
}

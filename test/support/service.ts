/**
 * Starts the real service in sandbox mode, in process, on a free loopback port: the sandbox plays Chatwoot and
 * talks to the bot over HTTP (signed webhooks, the bot API paths), exactly as in production.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logging/logger';
import { startService, type RunningService } from '../../src/server';
import type { Clock } from '../../src/time/clock';
import { testClock } from './clock';

export interface TestService extends RunningService {
  api<T = any>(method: string, p: string, body?: unknown): Promise<T>;
  /** Waits until every accepted event is processed and every Chatwoot action delivered. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestService(env: Record<string, string> = {}, opts: { clock?: Clock } = {}): Promise<TestService> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-svc-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error', ...env }, { isTty: false });
  const svc = await startService(config, { logger: silentLogger(), clock: opts.clock ?? testClock() });
  const api = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(`${svc.url}/sandbox/api${p}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${p} → ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const depth = async () => {
    const rows = await svc.db.query<{ e: number; a: number }>(
      'SELECT (SELECT count(*) FROM inbox_events WHERE processed_at IS NULL)::int AS e, (SELECT count(*) FROM outbox WHERE done_at IS NULL)::int AS a',
    );
    return rows[0].e + rows[0].a;
  };
  const settle = async () => {
    // Quiet = nothing queued, twice in a row with a pause (webhooks from the sandbox may still be on the wire).
    let quiet = 0;
    for (let i = 0; i < 400 && quiet < 3; i++) {
      await new Promise((r) => setTimeout(r, 60));
      quiet = (await depth()) === 0 ? quiet + 1 : 0;
    }
  };
  return {
    ...svc,
    api,
    settle,
    stop: async () => {
      await svc.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

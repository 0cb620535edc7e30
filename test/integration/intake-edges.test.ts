/**
 * Intake edges from the outside audit (issue 14, Low): deduplicating status events on what the signature covers,
 * and a deeply nested body answered as the client's mistake (400), never as ours (500, which Chatwoot retries).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sign } from '../../src/chatwoot/signature';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logging/logger';
import { startService, type RunningService } from '../../src/server';
import { startChatwootStub } from '../support/chatwoot-stub';
import { testClock } from '../support/clock';
import { fixture } from '../support/fixtures';

const SECRET = 'intake-edges-secret-0123456789';
const TOKEN = 'intake-edges-token-0123456789abcdef';

async function withService(env: Record<string, string>, run: (svc: RunningService) => Promise<void>): Promise<void> {
  const stub = await startChatwootStub();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-edges-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CHATWOOT_BASE_URL: stub.url, CHATWOOT_BOT_TOKEN: 'tok', AGENT_ASSIST: 'off', ...env }, { isTty: false });
  const svc = await startService(config, { logger: silentLogger(), clock: testClock() });
  try {
    await run(svc);
  } finally {
    await svc.close();
    await stub.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function signedHeaders(raw: string, delivery: string): Record<string, string> {
  const ts = String(Math.floor(Date.now() / 1000));
  return { 'content-type': 'application/json', 'x-chatwoot-delivery': delivery, 'x-chatwoot-timestamp': ts, 'x-chatwoot-signature': sign(SECRET, ts, raw) };
}

async function post(url: string, raw: string, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { method: 'POST', body: raw, headers });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const statusEvent = JSON.stringify(fixture('conversation_status_changed.json'));

describe('status events are deduplicated on what authenticates them', () => {
  it('signed: a replay with a new X-Chatwoot-Delivery is a duplicate; a later change of the same conversation is not', async () => {
    await withService({ CHATWOOT_WEBHOOK_SECRET: SECRET }, async (svc) => {
      const url = `${svc.url}/webhooks/chatwoot`;
      expect((await post(url, statusEvent, signedHeaders(statusEvent, 'd-1'))).body).toEqual({ status: 'accepted' });
      expect((await post(url, statusEvent, signedHeaders(statusEvent, 'd-2-replayed'))).body).toEqual({ status: 'duplicate' });
      const later = fixture('conversation_status_changed.json');
      later.updated_at += 30;
      const raw = JSON.stringify(later);
      expect((await post(url, raw, signedHeaders(raw, 'd-3'))).body).toEqual({ status: 'accepted' });
    });
  });

  it('token authentication (before 4.13, nothing signed): the delivery header still tells deliveries apart', async () => {
    await withService({ WEBHOOK_TOKEN: TOKEN }, async (svc) => {
      const url = `${svc.url}/webhooks/chatwoot?token=${TOKEN}`;
      const headers = (delivery: string) => ({ 'content-type': 'application/json', 'x-chatwoot-delivery': delivery });
      expect((await post(url, statusEvent, headers('t-1'))).body).toEqual({ status: 'accepted' });
      expect((await post(url, statusEvent, headers('t-1'))).body).toEqual({ status: 'duplicate' });
      expect((await post(url, statusEvent, headers('t-2'))).body).toEqual({ status: 'accepted' });
    });
  });
});

describe('a deeply nested body', () => {
  it('5,000 levels of nesting answer 400, and the service goes on accepting', async () => {
    await withService({ CHATWOOT_WEBHOOK_SECRET: SECRET }, async (svc) => {
      const url = `${svc.url}/webhooks/chatwoot`;
      const body = fixture('message_created.incoming.json');
      const raw = JSON.stringify({ ...body, content_attributes: { x: 'NEST' } }).replace('"NEST"', `${'['.repeat(5000)}${']'.repeat(5000)}`);
      expect(raw).toContain('[[[[');
      const r = await post(url, raw, signedHeaders(raw, 'deep-1'));
      expect(r.status).toBe(400);
      const fine = JSON.stringify(body);
      expect((await post(url, fine, signedHeaders(fine, 'fine-1'))).status).toBe(200);
    });
  });
});

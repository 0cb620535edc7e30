/**
 * Fault matrix: Chatwoot failing (500, 429 with Retry-After), down (connection refused) and slower than the
 * client's deadline; Dialogflow hanging or over quota (embedded engine or handoff, by NLU_FALLBACK); PostgreSQL
 * restarted under load; an unusable DATA_DIR; the database going away (readiness fails). Each case: no accepted
 * delivery is lost, nothing is sent twice.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logging/logger';
import { startService } from '../../src/server';
import * as grpc from '@grpc/grpc-js';
import { startChatwootStub } from '../support/chatwoot-stub';
import { startFakeDialogflow } from '../support/fake-dialogflow';
import { privatePostgresAvailable, startPrivatePostgres } from '../support/private-postgres';
import { guestMessage as delivery, TEST_SECRET, type SignedDelivery } from '../support/deliveries';
import { drained, metricSum, until } from '../support/drain';
import { ensureBuilt, spawnService } from '../support/process';
import { startTestService } from '../support/service';
import { backoffMs } from '../../src/inbox/worker';

const SECRET = TEST_SECRET;


/** Delivers like Chatwoot: retries on 500 and 429 (here until accepted, as a patient Chatwoot would). */
async function deliver(url: string, d: SignedDelivery): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const status = await fetch(`${url}/webhooks/chatwoot`, { method: 'POST', body: d.raw, headers: d.headers }).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('delivery never accepted');
}

beforeAll(() => ensureBuilt(), 120_000);

describe('Chatwoot API failing', () => {
  it('500s and 429 with Retry-After: every reply arrives once, in order', async () => {
    const stub = await startChatwootStub();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-fault-'));
    const svc = await spawnService({ CHATWOOT_BASE_URL: stub.url, CHATWOOT_BOT_TOKEN: 'tok', CHATWOOT_WEBHOOK_SECRET: SECRET, DATA_DIR: dataDir });
    try {
      // The outbox is the one retry layer: at worst the four failures hit one call, which then waits
      // backoffMs(0) + … + backoffMs(3) before it succeeds. The test waits for that schedule and half a minute more.
      const failures = [500, 429, 500, 429];
      stub.state.failNext.push(...failures);
      const schedule = failures.reduce((ms, _f, attempt) => ms + backoffMs(attempt), 0);
      const questions: Array<[string, RegExp]> = [
        ['is there parking?', /parking/i],
        ['do you have a pool?', /pool/i],
        ['is there a gym?', /fitness/i],
      ];
      for (const [q] of questions) await deliver(svc.url, delivery(601, q));
      await stub.until(() => questions.every(([, re]) => stub.messages.some((m) => re.test(m.content))), 'every answer', (schedule + 30_000) / 50);
      const answers = stub.messages.filter((m) => m.conversationId === 601).map((m) => m.content);
      const order = questions.map(([, re]) => answers.findIndex((c) => re.test(c)));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      for (const [, re] of questions) expect(answers.filter((c) => re.test(c))).toHaveLength(1);
      expect(stub.calls.filter((c) => c.status !== 200).length).toBe(failures.length);
    } finally {
      await svc.kill();
      await stub.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('Chatwoot API down or slow', () => {
  it('down (connections dropped), then back: the reply arrives once', async () => {
    const stub = await startChatwootStub();
    stub.state.down = true; // every connection is dropped as it opens
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-fault-'));
    const svc = await spawnService({ CHATWOOT_BASE_URL: stub.url, CHATWOOT_BOT_TOKEN: 'tok', CHATWOOT_WEBHOOK_SECRET: SECRET, DATA_DIR: dataDir });
    try {
      await deliver(svc.url, delivery(611, 'is there parking?'));
      await until(async () => (await metricSum(svc.url, 'hotelbot_chatwoot_api_calls_total', { status: 'error' })) >= 2, 'two failed attempts');
      stub.state.down = false;
      await stub.until(() => stub.messages.some((m) => /parking/i.test(m.content)), 'the answer once Chatwoot is back', 1200);
      await drained(svc.url); // nothing left that could send it again
      expect(stub.messages.filter((m) => m.conversationId === 611 && /parking/i.test(m.content))).toHaveLength(1);
    } finally {
      await svc.kill();
      await stub.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('slower than CHATWOOT_TIMEOUT_MS, then fast: the reply arrives once', async () => {
    const stub = await startChatwootStub();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-fault-'));
    const svc = await spawnService({
      CHATWOOT_BASE_URL: stub.url,
      CHATWOOT_BOT_TOKEN: 'tok',
      CHATWOOT_WEBHOOK_SECRET: SECRET,
      CHATWOOT_TIMEOUT_MS: '700',
      DATA_DIR: dataDir,
    });
    try {
      stub.state.hold = true; // message calls hang past the deadline
      await deliver(svc.url, delivery(612, 'is there parking?'));
      await stub.until(() => stub.held.length >= 2, 'two attempts timing out', 400);
      stub.state.hold = false;
      await stub.until(() => stub.messages.some((m) => /parking/i.test(m.content)), 'the answer once Chatwoot is fast again', 1200);
      await drained(svc.url);
      expect(stub.messages.filter((m) => m.conversationId === 612 && /parking/i.test(m.content))).toHaveLength(1);
    } finally {
      await svc.kill();
      await stub.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('Dialogflow failing', () => {
  it.each([
    ['hanging past DIALOGFLOW_TIMEOUT_MS', 'hang' as const],
    ['over quota', { code: grpc.status.RESOURCE_EXHAUSTED, details: 'Quota exceeded' }],
  ])('%s: NLU_FALLBACK=local answers with the embedded engine, NLU_FALLBACK=handoff hands over', async (_what, answer) => {
    const df = await startFakeDialogflow();
    df.state.answer = answer;
    const stub = await startChatwootStub();
    const dirs = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'hb-fault-')));
    const base = {
      CHATWOOT_BASE_URL: stub.url,
      CHATWOOT_BOT_TOKEN: 'tok',
      CHATWOOT_WEBHOOK_SECRET: SECRET,
      DIALOGFLOW_PROJECT_ID: 'hotel-test',
      DIALOGFLOW_API_ENDPOINT: df.endpoint,
      DIALOGFLOW_TIMEOUT_MS: '500',
    };
    const local = await spawnService({ ...base, NLU_FALLBACK: 'local', DATA_DIR: dirs[0] });
    const handoff = await spawnService({ ...base, NLU_FALLBACK: 'handoff', DATA_DIR: dirs[1] });
    try {
      await deliver(local.url, delivery(621, 'is there parking?'));
      await deliver(handoff.url, delivery(622, 'is there parking?'));
      await stub.until(
        () => stub.messages.some((m) => m.conversationId === 621) && stub.messages.some((m) => m.conversationId === 622 && m.private),
        'both answers',
        600,
      );
      expect(df.requests.length).toBeGreaterThanOrEqual(2); // Dialogflow was asked first
      const toLocal = stub.messages.filter((m) => m.conversationId === 621);
      expect(toLocal.some((m) => !m.private && /parking/i.test(m.content))).toBe(true);
      const toHandoff = stub.messages.filter((m) => m.conversationId === 622);
      expect(toHandoff.filter((m) => !m.private).map((m) => m.content)).toEqual([expect.stringMatching(/member of our team/)]);
      expect(toHandoff.find((m) => m.private)?.content).toMatch(/nlu_unavailable/);
    } finally {
      await local.kill();
      await handoff.kill();
      await stub.close();
      await df.close();
      for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    }
  });
});

(privatePostgresAvailable ? describe : describe.skip)('PostgreSQL restarted under load', () => {
  it('loses no accepted delivery and recovers by itself', async () => {
    const pg = await startPrivatePostgres();
    const stub = await startChatwootStub();
    const svc = await spawnService({ CHATWOOT_BASE_URL: stub.url, CHATWOOT_BOT_TOKEN: 'tok', CHATWOOT_WEBHOOK_SECRET: SECRET, DATABASE_URL: pg.url });
    // Echoes let the bot see that a message whose "done" mark was lost with the database did land.
    stub.state.echoTo = { url: svc.url, secret: SECRET };
    try {
      const sent: number[] = [];
      const conversations = Array.from({ length: 12 }, (_, i) => 700 + i);
      const load = (async () => {
        for (const c of conversations) {
          await deliver(svc.url, delivery(c, 'is there parking?'));
          sent.push(c);
        }
      })();
      await new Promise((r) => setTimeout(r, 300));
      pg.stop('fast');
      await new Promise((r) => setTimeout(r, 1500));
      pg.start();
      await load;
      await stub.until(() => conversations.every((c) => stub.messages.some((m) => m.conversationId === c && /parking/i.test(m.content))), 'an answer in every conversation', 1200);
      await drained(svc.url);
      for (const c of conversations) expect(stub.messages.filter((m) => m.conversationId === c && /parking/i.test(m.content))).toHaveLength(1);
      expect((await fetch(`${svc.url}/readyz`)).status).toBe(200);
    } finally {
      await svc.kill();
      await stub.close();
      pg.destroy();
    }
  });
});

describe('storage problems', () => {
  it('an unusable DATA_DIR stops the start with a message naming DATA_DIR', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hb-ro-')), 'not-a-dir');
    fs.writeFileSync(file, 'x');
    const config = loadConfig({ DATA_DIR: path.join(file, 'data'), PORT: '0', HOST: '127.0.0.1' }, { isTty: false });
    await expect(startService(config, { logger: silentLogger() })).rejects.toThrow(/DATA_DIR is not writable/);
  });

  it('readiness fails with a reason when the database is gone', async () => {
    const svc = await startTestService();
    try {
      expect((await fetch(`${svc.url}/readyz`)).status).toBe(200);
      await svc.db.close();
      const res = await fetch(`${svc.url}/readyz`);
      expect(res.status).toBe(503);
      expect((await res.json()).reasons.join(' ')).toMatch(/database/);
      expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
    } finally {
      await svc.stop().catch(() => undefined);
    }
  });
});

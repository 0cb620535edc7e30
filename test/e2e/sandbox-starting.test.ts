/**
 * The first seconds of `npm start`: the port answers before the database and the language engine are ready. The
 * page is served at once and says what the service is doing, the other routes answer 503 with Retry-After, and
 * when the service is up the same page turns into the chat without a reload (Chromium, real service).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logging/logger';
import { listenWhileStarting, type StartingServer } from '../../src/ops/starting-server';
import { sandboxPublicDir } from '../../src/paths';
import { startService, type RunningService } from '../../src/server';
import { chromiumAvailable, launchBrowser } from '../support/browser';
import { testClock } from '../support/clock';

const run = chromiumAvailable || process.env.CI ? describe : describe.skip;

run('the page while the service starts', () => {
  let browser: Browser;
  let listening: StartingServer;
  let service: RunningService | undefined;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-starting-'));
    listening = await listenWhileStarting({ port: 0, host: '127.0.0.1', pageDir: sandboxPublicDir });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (service) await service.close();
    else await new Promise((r) => listening.server.close(r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers at once: live, not ready, the page and its files, 503 with Retry-After for the rest', async () => {
    listening.phase('opening the embedded database');
    expect((await fetch(`${listening.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${listening.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'starting', reasons: ['starting: opening the embedded database'] });
    const page = await fetch(`${listening.url}/`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('/sandbox/static/app.js');
    expect((await fetch(`${listening.url}/sandbox/static/style.css`)).headers.get('content-type')).toMatch(/text\/css/);
    const webhook = await fetch(`${listening.url}/webhooks/chatwoot`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(webhook.status).toBe(503);
    expect(webhook.headers.get('retry-after')).toBe('1');
    expect((await webhook.json()).message).toMatch(/starting \(opening the embedded database\)/);
  });

  it('shows "starting" with what is being done, then becomes the chat without a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(listening.url);
      const banner = page.getByTestId('starting');
      await banner.waitFor();
      expect(await banner.innerText()).toMatch(/The bot is starting \(\d+ s\): opening the embedded database/);
      expect(await page.getByTestId('composer').isDisabled()).toBe(true);

      const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error' }, { isTty: false });
      service = await startService(config, { logger: silentLogger(), clock: testClock(), listening });
      expect(service.url).toBe(listening.url);

      await page.getByText('How can I help you today?').waitFor();
      expect(await banner.count()).toBe(0);
      expect(await page.getByTestId('composer').isDisabled()).toBe(false);
      expect((await fetch(`${listening.url}/readyz`)).status).toBe(200);
    } finally {
      await page.close();
    }
  });
});

/**
 * The sandbox is not an open door (issue 14, item 7): started with the defaults, it listens on loopback only, and
 * keeps its demo data in DATA_DIR/sandbox, apart from where the embedded production database lives.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logging/logger';
import { startService, type RunningService } from '../../src/server';
import { testClock } from '../support/clock';

/** An address of this machine that other machines could reach, when it has one. */
const outsideAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

describe('the sandbox started with the defaults', () => {
  let dataDir: string;
  let svc: RunningService;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-sandbox-'));
    // No HOST: the default is what is under test.
    svc = await startService(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'error' }, { isTty: false }), {
      logger: silentLogger(),
      clock: testClock(),
    });
  });
  afterAll(async () => {
    await svc?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers on loopback', async () => {
    expect(svc.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
  });

  (outsideAddress ? it : it.skip)('does not answer on the machine\'s other addresses', async () => {
    const port = new URL(svc.url).port;
    await expect(fetch(`http://${outsideAddress}:${port}/healthz`, { signal: AbortSignal.timeout(5000) })).rejects.toThrow();
  });

  it('keeps its data in DATA_DIR/sandbox only', async () => {
    const created = await fetch(`${svc.url}/sandbox/api/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ inbox: 'web' }),
    });
    expect(created.status).toBeLessThan(300);
    expect(fs.readdirSync(dataDir)).toEqual(['sandbox']);
    expect(fs.readdirSync(path.join(dataDir, 'sandbox')).length).toBeGreaterThan(0);
  });
});

/**
 * One process at a time on an embedded DATA_DIR (issue 14, High 2): a second process refuses to start and names
 * the holder; a holder killed with SIGKILL leaves no lock behind. Real processes: the lock is the kernel's.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataDirLockedError, lockDataDir } from '../../src/db/data-dir-lock';
import { projectRoot } from '../../src/paths';
import { ensureBuilt, freePort, spawnService } from '../support/process';

/**
 * Runs the service until it exits (refusing) or becomes ready (then it is stopped): whether it got ready, its exit
 * code and everything it printed.
 */
async function startOrRefuse(env: Record<string, string>): Promise<{ ready: boolean; code: number | null; output: string }> {
  const port = await freePort();
  const server = path.join(projectRoot, 'dist', 'server.js');
  const child = spawn(process.execPath, ['-e', `require(${JSON.stringify(server)}).main()`], {
    env: { ...process.env, LOG_LEVEL: 'error', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let ready = false;
  while (child.exitCode === null && child.signalCode === null && !ready) {
    ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    if (!ready) await new Promise((r) => setTimeout(r, 100));
  }
  if (ready) child.kill('SIGKILL');
  return { ready, code: await exited, output };
}

describe('the DATA_DIR lock', () => {
  let dataDir: string;
  beforeAll(() => ensureBuilt(), 240_000);
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-lock-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('in one process: a second holder is refused with the holder named, and can lock once the first releases', () => {
    const first = lockDataDir(dataDir);
    try {
      expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dataDir)).toThrow(new RegExp(`pid ${process.pid}\\b`));
    } finally {
      first.release();
    }
    lockDataDir(dataDir).release();
  });

  it('a second process refuses to start and names the first; after kill -9 of the first, a new one starts', async () => {
    const first = await spawnService({ DATA_DIR: dataDir });
    try {
      const second = await startOrRefuse({ DATA_DIR: dataDir });
      expect(second.ready).toBe(false);
      expect(second.code).not.toBe(0);
      expect(second.output).toMatch(/DATA_DIR .* is in use by another process/);
      expect(second.output).toContain(`pid ${first.child.pid}`);
      expect((await fetch(`${first.url}/readyz`)).status).toBe(200); // the holder is untouched
    } finally {
      await first.kill('SIGKILL');
    }
    const third = await spawnService({ DATA_DIR: dataDir });
    try {
      expect((await fetch(`${third.url}/readyz`)).status).toBe(200);
    } finally {
      await third.kill();
    }
  }, 240_000);
});

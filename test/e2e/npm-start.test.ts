/**
 * `npm start` as a person runs it, on a free port with its own DATA_DIR: the page answers, the bot gets ready,
 * and stopping npm by its pid (SIGTERM from a process manager, SIGINT as Ctrl-C sends) stops the server too: no
 * node process is left behind and the port is closed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../../src/paths';
import { ensureBuilt, freePort } from '../support/process';
import { commandLine, descendants, isRunning } from '../support/process-tree';

const onLinux = process.platform === 'linux' ? describe : describe.skip;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check`; gives up early when npm has exited, unless it was expected to (`child` undefined). */
async function waitUntil(what: string, check: () => Promise<boolean> | boolean, child: ChildProcess | undefined, output: () => string): Promise<void> {
  for (let i = 0; i < 1700; i++) {
    if (await check()) return;
    if (child && child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}) before ${what}:\n${output()}`);
    await sleep(100);
  }
  throw new Error(`${what}: not within the time allowed:\n${output()}`);
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const answers = (url: string) => fetch(url).then((r) => r.ok, () => false);

onLinux('npm start', () => {
  let dataDir: string;
  beforeAll(() => {
    ensureBuilt();
    // What `npm install` prepares after the compile: the database template the first start copies.
    const made = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'build-db-template.js')], { cwd: projectRoot, encoding: 'utf8' });
    expect(made.stderr).not.toMatch(/warning/);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-npm-start-'));
  }, 240_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it.each(['SIGTERM', 'SIGINT'] as const)('serves the page, gets ready, and stops with its server on %s to its pid', async (signal) => {
    const port = await freePort();
    const npm = spawn('npm', ['start'], {
      cwd: projectRoot,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', LOG_FORMAT: 'json' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout!.on('data', (d) => (output += d));
    npm.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
    const url = `http://127.0.0.1:${port}`;
    let started: number[] = [];
    try {
      await waitUntil('the page answered', () => answers(`${url}/`), npm, () => output);
      const page = await (await fetch(`${url}/`)).text();
      expect(page).toContain('Hotel bot sandbox');
      await waitUntil('the bot was ready', () => answers(`${url}/readyz`), npm, () => output);
      // The first run finds DATA_DIR empty: the database is the template's copy, not made by initdb.
      if (signal === 'SIGTERM') expect(output).toMatch(/Created the embedded database in \S+ from the install-time template/);

      started = descendants(npm.pid!);
      const servers = started.filter((pid) => /^\S*node\b.*scripts\/start\.js/.test(commandLine(pid)));
      expect(servers).toHaveLength(1);

      process.kill(npm.pid!, signal);
      await exited;
      // A few seconds at most; the wait ends early when they are gone, and the assertion below says which remain.
      for (let i = 0; i < 100 && started.some(isRunning); i++) await sleep(100);
      expect(started.filter(isRunning)).toEqual([]);
      expect(await portOpen(port)).toBe(false);
      expect(output).toMatch(new RegExp(`${signal}: finishing the turns in progress, then stopping`));
    } finally {
      for (const pid of [npm.pid!, ...started]) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});

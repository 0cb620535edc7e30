/** Starts the service (or the baseline) as its own process on a free loopback port and waits until it is ready. */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { SERVICE_NODE_FLAGS } from '../../ops/runtime-flags';

export interface RunningProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Resident memory of the process in bytes, read from /proc (Linux). */
  rss(): number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms`);
}

function rssOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb * 1024;
  } catch {
    return 0;
  }
}

function spawnNode(code: string, env: Record<string, string>, stderr: boolean, flags: readonly string[] = []): ChildProcess {
  return spawn(process.execPath, [...flags, '-e', code], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', stderr ? 'inherit' : 'ignore'],
  });
}

async function track(child: ChildProcess, url: string, readyPath: string): Promise<RunningProcess> {
  await waitFor(`${url}${readyPath}`, child, 60_000);
  return {
    url,
    pid: child.pid!,
    child,
    rss: () => rssOf(child.pid!),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

export async function startService(env: Record<string, string>, opts: { verbose?: boolean } = {}): Promise<RunningProcess> {
  const port = await freePort();
  const server = path.join(__dirname, '..', '..', 'server.js');
  // Started as production starts it: the same Node flags as `npm start` and the container.
  const child = spawnNode(
    `require(${JSON.stringify(server)}).main()`,
    { LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    Boolean(opts.verbose),
    SERVICE_NODE_FLAGS,
  );
  return track(child, `http://127.0.0.1:${port}`, '/readyz');
}

export async function startBaselineProcess(): Promise<RunningProcess> {
  const port = await freePort();
  const file = path.join(__dirname, 'baseline-server.js');
  const child = spawnNode(`require(${JSON.stringify(file)}).startBaseline(${port})`, {}, false);
  const url = `http://127.0.0.1:${port}`;
  // The baseline has no readiness route: wait until it accepts a POST.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`${url}/webhooks/chatwoot`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      if (r.ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, pid: child.pid!, child, rss: () => rssOf(child.pid!), stop: async () => { child.kill('SIGTERM'); } };
}

// `npm run bench:start [-- --json] [-- --runs N]`: how long `npm start` takes until the page answers and until
// the bot is ready, on a fresh DATA_DIR (the first start creates the embedded database) and again on the same one.
// Each run is `npm start` on a free port, stopped with SIGTERM to npm's pid, as a person or a process manager
// would. A bare Node HTTP server (`node -e`, no npm) is measured in the same run, so the figures
// can be read as ratios on a loaded machine. The load average is printed with them.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { buildIfNeeded, root } = require('./build-if-needed');

const { commandLine } = require('./command-line');

const USAGE = `Usage: npm run bench:start [-- --json] [--runs N]
How long \`npm start\` takes until the page answers and until the bot is ready: on a fresh DATA_DIR, then again on
the same one, N times each (default 2), beside a bare Node HTTP server started in the same run.
  --json    one JSON object on stdout instead of the table
  --runs N  starts of each kind (a whole number from 1)`;
const options = commandLine(USAGE, { json: { type: 'boolean' }, runs: { type: 'string' } });
const json = options.json === true;
const runs = options.runs === undefined ? 2 : Number(options.runs);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`--runs must be a whole number from 1, got "${options.runs}"; see --help\n`);
  process.exit(2);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const ok = (url) => fetch(url).then((r) => r.ok, () => false);

/** Starts `npm <args>` and times the first 200 of each url, in order; then stops npm with SIGTERM. */
async function timeStart(npmArgs, env, urls) {
  const started = process.hrtime.bigint();
  const child = spawn('npm', npmArgs, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const times = [];
  try {
    for (const url of urls) {
      while (!(await ok(url))) {
        if (child.exitCode !== null) throw new Error(`npm ${npmArgs.join(' ')} exited (${child.exitCode}):\n${stderr}`);
        await sleep(25);
      }
      times.push(Number(process.hrtime.bigint() - started) / 1e9);
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  return times;
}

async function baseline() {
  const port = await freePort();
  // A Node process serving one static answer: what starting any Node server costs on this machine right now.
  const script = `require('http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`;
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['-e', script], { cwd: root, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  while (!(await ok(`http://127.0.0.1:${port}/`))) await sleep(25);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  child.kill('SIGTERM');
  await exited;
  return seconds;
}

async function main() {
  buildIfNeeded();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-bench-start-'));
  const results = [];
  try {
    for (let i = 0; i < runs; i++) {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const base = await baseline();
      const [page, ready] = await timeStart(['start'], { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, [`${url}/`, `${url}/readyz`]);
      results.push({ run: i + 1, database: i === 0 ? 'created' : 'existing', baseline_s: base, page_s: page, ready_s: ready });
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const load = os.loadavg().map((l) => Number(l.toFixed(2)));
  const summary = { cores: os.cpus().length, load_average: load, node: process.version, runs: results };
  if (json) return void process.stdout.write(`${JSON.stringify(summary)}\n`);
  const f = (s) => `${s.toFixed(1)} s`;
  process.stdout.write(`npm start on ${summary.cores} cores, load average ${load.join(' / ')} (1/5/15 min), Node ${process.version}\n`);
  for (const r of results) {
    process.stdout.write(
      `run ${r.run} (database ${r.database}): page ${f(r.page_s)} (${(r.page_s / r.baseline_s).toFixed(1)}× a bare Node server's ${f(r.baseline_s)}), ` +
        `chat ready ${f(r.ready_s)}\n`,
    );
  }
}

main().catch((err) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});

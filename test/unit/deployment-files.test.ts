/**
 * No container engine runs here, so the deployment files are checked for structure: the image is multi-stage,
 * non-root, production-only, with a health check; compose wires the bot to PostgreSQL (and, in a profile, to a
 * complete Chatwoot), runs the sandbox only in a profile of its own, on loopback and its own data; every variable
 * they set is one the service reads.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { KNOWN_ENV_VARS, loadConfig } from '../../src/config';
import { SERVICE_NODE_FLAGS } from '../../src/ops/runtime-flags';
import { projectRoot } from '../../src/paths';

const read = (f: string) => fs.readFileSync(path.join(projectRoot, f), 'utf8');

describe('Dockerfile', () => {
  const lines = read('Dockerfile')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages = lines.filter((l) => /^FROM /i.test(l));
  const finalStage = lines.slice(lines.lastIndexOf(stages[stages.length - 1]));

  it('builds in several stages on Node 20', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const s of stages) expect(s).toMatch(/^FROM node:20/);
  });

  it('ships production dependencies only and runs as a non-root user with a health check', () => {
    expect(lines.join('\n')).toMatch(/npm ci --omit=dev/);
    const user = finalStage.find((l) => /^USER /.test(l));
    expect(user).toBeDefined();
    expect(user).not.toMatch(/root|\b0\b/);
    expect(finalStage.some((l) => /^HEALTHCHECK /.test(l))).toBe(true);
    expect(finalStage.join('\n')).toMatch(/\/healthz/);
    expect(finalStage.some((l) => /^CMD /.test(l))).toBe(true);
  });

  it('copies every runtime folder from the build and each source it copies exists', () => {
    const copied = finalStage.filter((l) => /^COPY /.test(l));
    // What each COPY takes, relative to the project (or to /app in an earlier stage).
    const sources = copied.map((l) => l.split(/\s+/).filter((w) => !w.startsWith('--'))[1].replace(/^\/app\//, ''));
    for (const dir of ['migrations', 'intents', 'vectors', 'config', 'dist', 'node_modules', 'scripts', 'src/sandbox/public', 'package.json']) {
      expect(sources).toContain(dir);
    }
    // An optional folder (precomputed vectors) is copied too: the build stage makes sure it exists, even empty.
    expect(sources).toContain('vectors');
    expect(lines.join('\n')).toMatch(/mkdir -p vectors/);
    for (const m of copied.join('\n').matchAll(/^COPY (?!--from)(\S+)/gm)) {
      expect(fs.existsSync(path.join(projectRoot, m[1]))).toBe(true);
    }
    for (const m of copied.join('\n').matchAll(/^COPY --from=build \/app\/(\S+)/gm)) {
      if (m[1] !== 'dist' && m[1] !== 'vectors') expect(fs.existsSync(path.join(projectRoot, m[1]))).toBe(true);
    }
  });

  it('compiles in a build stage that installed the dev dependencies, and never compiles in the production install', () => {
    const buildStage = lines.slice(lines.indexOf(stages[0]), lines.indexOf(stages[1]));
    const install = buildStage.findIndex((l) => /npm ci\b/.test(l));
    const compile = buildStage.findIndex((l) => /npm run build\b/.test(l));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(buildStage[install]).not.toMatch(/--omit=dev|--production/);
    expect(compile).toBeGreaterThan(install);
    // package.json's `prepare` compiles on `npm install`/`npm ci`: every production install must skip scripts.
    expect((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.prepare).toBeDefined();
    const productionInstalls = lines.filter((l) => /npm ci --omit=dev/.test(l));
    expect(productionInstalls.length).toBeGreaterThan(0);
    for (const l of productionInstalls) expect(l).toMatch(/--ignore-scripts/);
  });

  it('starts the compiled entry point of `npm start`', () => {
    const argv = JSON.parse(read('Dockerfile').match(/^CMD (\[.*\])$/m)![1]) as string[];
    const entry = argv[argv.length - 1];
    expect(entry).toBe('dist/main.js');
    expect(fs.existsSync(path.join(projectRoot, 'src', 'main.ts'))).toBe(true);
    expect(read('scripts/start.js')).toContain("'main.js'");
  });

  it('makes the embedded database template in the final image, after copying what it is made from', () => {
    const build = finalStage.findIndex((l) => /^RUN node scripts\/build-db-template\.js/.test(l));
    expect(build).toBeGreaterThan(0);
    for (const source of ['node_modules', 'dist', 'migrations', 'scripts']) {
      const copy = finalStage.findIndex((l) => new RegExp(`^COPY --from=\\w+ /app/${source} `).test(l));
      expect(copy).toBeGreaterThanOrEqual(0);
      expect(copy).toBeLessThan(build);
    }
    expect(fs.existsSync(path.join(projectRoot, 'scripts', 'build-db-template.js'))).toBe(true);
  });

  it('leaves HOST unset, so a sandbox started from the image listens on loopback only', () => {
    expect(finalStage.join('\n')).not.toMatch(/\bHOST=/);
  });

  it('uses only environment variables the service knows', () => {
    const envBlock = finalStage.join('\n').match(/ENV ([\s\S]*?)\nWORKDIR/)?.[1] ?? '';
    const names = [...envBlock.matchAll(/([A-Z_][A-Z0-9_]*)=/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect([...KNOWN_ENV_VARS, 'NODE_ENV', 'METADATA_SERVER_DETECTION']).toContain(n);
  });
});

describe('the prepare script (the compile of `npm install`)', () => {
  /** A copy of the launch scripts beside sources but without node_modules: what a production install holds. */
  function productionInstall(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-prod-'));
    fs.mkdirSync(path.join(dir, 'scripts'));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'src', 'main.ts'), 'export {};\n');
    const scripts = fs.readdirSync(path.join(projectRoot, 'scripts')).map((f) => `scripts/${f}`);
    for (const f of ['package.json', 'tsconfig.build.json', ...scripts]) fs.copyFileSync(path.join(projectRoot, f), path.join(dir, f));
    return dir;
  }

  it('does nothing, and says so, where there is no compiler (npm ci --omit=dev)', () => {
    const dir = productionInstall();
    try {
      const r = spawnSync(process.execPath, ['scripts/build-if-needed.js', '--prepare'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } });
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/no TypeScript compiler/);
      expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('outside prepare, an unbuilt tree without a compiler stops with what to run', () => {
    const dir = productionInstall();
    try {
      const r = spawnSync(process.execPath, ['scripts/build-if-needed.js'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/dist\/ has not been built yet, and TypeScript is not installed: run `npm install`/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Node flags of the service', () => {
  it('are the same for npm start, the container and the benchmark', () => {
    // `exec`: npm's SIGTERM/SIGINT reach node itself, not a shell that would leave it running.
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start.split(/\s+/);
    expect(start.slice(0, 2)).toEqual(['exec', 'node']);
    expect(start.slice(2, -1)).toEqual([...SERVICE_NODE_FLAGS]);
    const cmd = read('Dockerfile').match(/^CMD (\[.*\])$/m)?.[1];
    expect(cmd).toBeDefined();
    const argv = JSON.parse(cmd!) as string[];
    expect(argv.slice(1, 1 + SERVICE_NODE_FLAGS.length)).toEqual([...SERVICE_NODE_FLAGS]);
    // Each is a flag this Node accepts: a misspelt one stops Node at start.
    const accepted = spawnSync(process.execPath, [...SERVICE_NODE_FLAGS, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    expect(accepted.status).toBe(0);
    expect(accepted.stderr).toBe('');
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml')) as { services: Record<string, any> };
  /** A service's environment as compose sets it with an empty .env (each `${X:-default}` becomes its default). */
  const environmentOf = (service: string): Record<string, string> =>
    Object.fromEntries(
      Object.entries(compose.services[service].environment as Record<string, string>).map(([k, v]) => [k, String(v).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')]),
    );

  it('runs the bot with PostgreSQL by default', () => {
    const bot = compose.services.bot;
    expect(bot.profiles).toBeUndefined();
    expect(bot.build).toBe('.');
    expect(bot.environment.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@bot-db:5432\//);
    expect(bot.depends_on['bot-db'].condition).toBe('service_healthy');
    expect(compose.services['bot-db'].image).toMatch(/^postgres:/);
    expect(bot.healthcheck.test.join(' ')).toMatch(/readyz/);
  });

  it('sets only variables the service reads', () => {
    for (const service of ['bot', 'sandbox']) {
      const names = Object.keys(compose.services[service].environment);
      const unknown = names.filter((n) => !KNOWN_ENV_VARS.includes(n));
      expect(unknown).toEqual([]);
    }
  });

  it('never runs the bot as a sandbox: with its DATABASE_URL and no CHATWOOT_BASE_URL it refuses to start', () => {
    expect(() => loadConfig(environmentOf('bot'), { isTty: false })).toThrow(/DATABASE_URL is set but CHATWOOT_BASE_URL is not/);
  });

  it('starts the sandbox only when asked (profile "sandbox"), on its own data, published on loopback only', () => {
    const sandbox = compose.services.sandbox;
    expect(sandbox.profiles).toEqual(['sandbox']);
    expect(Object.keys(sandbox.environment).filter((n) => /^(DATABASE_URL|CHATWOOT_|WEBHOOK_TOKEN)/.test(n))).toEqual([]);
    expect(sandbox.ports).toHaveLength(1);
    expect(sandbox.ports[0]).toMatch(/^127\.0\.0\.1:/);
    expect(sandbox.volumes).toEqual([expect.stringMatching(/^sandbox-data:\/data$/)]);
    expect(sandbox.depends_on).toBeUndefined();
    const config = loadConfig(environmentOf('sandbox'), { isTty: false });
    expect(config.sandbox).toBe(true);
    expect(config.database.url).toBeUndefined();
  });

  it('has a chatwoot profile with web, worker, PostgreSQL with pgvector and Redis', () => {
    const inProfile = Object.entries(compose.services)
      .filter(([, s]) => (s.profiles ?? []).includes('chatwoot'))
      .map(([name]) => name)
      .sort();
    expect(inProfile).toEqual(['chatwoot-db', 'chatwoot-redis', 'chatwoot-web', 'chatwoot-worker']);
    expect(compose.services['chatwoot-db'].image).toMatch(/pgvector/);
    expect(compose.services['chatwoot-worker'].command).toMatch(/sidekiq/);
    for (const svc of ['chatwoot-web', 'chatwoot-worker']) {
      const env = compose.services[svc].environment;
      expect(env.POSTGRES_HOST).toBe('chatwoot-db');
      expect(env.REDIS_URL).toBe('redis://chatwoot-redis:6379');
      expect(compose.services[svc].image).toMatch(/^chatwoot\/chatwoot:v4\.13\./);
    }
  });
});

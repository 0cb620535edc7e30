/**
 * No container engine runs here, so the deployment files are checked for structure: the image is multi-stage,
 * non-root, production-only, with a health check; compose wires the bot to PostgreSQL (and, in a profile, to a
 * complete Chatwoot); every variable they set for the bot is one the service reads.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { KNOWN_ENV_VARS } from '../../src/config';
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

  it('copies every runtime folder that exists in the repository', () => {
    const copied = finalStage.filter((l) => /^COPY /.test(l)).join('\n');
    for (const dir of ['migrations', 'intents', 'vectors', 'config', 'dist', 'node_modules', 'scripts']) {
      expect(copied).toContain(dir);
    }
    for (const m of copied.matchAll(/^COPY (?!--from)(\S+)/gm)) {
      expect(fs.existsSync(path.join(projectRoot, m[1]))).toBe(true);
    }
  });

  it('uses only environment variables the service knows', () => {
    const envBlock = finalStage.join('\n').match(/ENV ([\s\S]*?)\nWORKDIR/)?.[1] ?? '';
    const names = [...envBlock.matchAll(/([A-Z_][A-Z0-9_]*)=/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect([...KNOWN_ENV_VARS, 'NODE_ENV', 'METADATA_SERVER_DETECTION']).toContain(n);
  });
});

describe('Node flags of the service', () => {
  it('are the same for npm start, the container and the benchmark', () => {
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start.split(/\s+/);
    expect(start.slice(1, -1)).toEqual([...SERVICE_NODE_FLAGS]);
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
    const names = Object.keys(compose.services.bot.environment);
    const unknown = names.filter((n) => !KNOWN_ENV_VARS.includes(n));
    expect(unknown).toEqual([]);
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

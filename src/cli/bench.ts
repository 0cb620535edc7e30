/**
 * `npm run bench [-- --json] [--quick] [--only intake,turns,nlu,memory,adversarial] [--rate 50]`: webhook intake,
 * end-to-end turns, NLU and memory, each beside a baseline measured in the same run on the same machine.
 * Benchmarks are not tests: they print figures, they assert nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startChatwootSink } from './bench/chatwoot-sink';
import { measureIntake } from './bench/intake';
import { measureNlu } from './bench/nlu';
import { measureAdversarial } from './bench/adversarial';
import { startBaselineProcess, startService, type RunningProcess } from './bench/processes';
import { measurePacedTurns, measureTurns, type PacedResult, type TurnsResult } from './bench/turns';
import { round } from './bench/stats';
import { parseCommand, usageError } from './args';

interface Options {
  json: boolean;
  quick: boolean;
  databaseUrl?: string;
  sections: Set<string>;
  /** Guest messages per second in the paced phase of the turns benchmark. */
  rate: number;
}

const SECTIONS = ['intake', 'turns', 'nlu', 'memory', 'adversarial'];

const USAGE = `Usage: npm run bench [-- --json] [--quick] [--only SECTIONS] [--rate N]

Measures the service beside a bare Express baseline run on the same machine in the same run, and prints ratios.
  --json        print one JSON object
  --quick       fewer deliveries and turns (a smoke run; figures are rougher)
  --only LIST   comma-separated sections: ${SECTIONS.join(', ')} (default: all)
  --rate N      guest messages per second in the paced phase of the turns benchmark (default 50)
PostgreSQL runs are added when BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL is set.`;

/** The options, or undefined when --help was asked. */
function optionsOf(args: string[]): Options | undefined {
  const parsed = parseCommand(args, {
    usage: USAGE,
    options: { json: { type: 'boolean' }, quick: { type: 'boolean' }, only: { type: 'string' }, rate: { type: 'string', default: '50' } },
  });
  if (!parsed) return undefined;
  const { values: o, positionals } = parsed;
  if (positionals.length) throw usageError(`unexpected argument ${positionals[0]}`);
  const sections = o.only ? o.only.split(',').map((s) => s.trim()) : SECTIONS;
  const unknown = sections.find((s) => !SECTIONS.includes(s));
  if (unknown) throw usageError(`--only: unknown section ${unknown} (one of ${SECTIONS.join(', ')})`);
  const rate = Number(o.rate);
  if (!(rate > 0 && rate <= 10_000)) throw usageError(`--rate must be guest messages per second from 1 to 10000, e.g. --rate 50 (got "${o.rate}")`);
  return {
    json: o.json ?? false,
    quick: o.quick ?? false,
    databaseUrl: process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL,
    sections: new Set(sections),
    rate,
  };
}

const SECRET = 'bench-secret-0123456789abcdef';

async function waitIdle(service: RunningProcess, settleMs = 1500, maxMs = 120_000): Promise<void> {
  // The service's queue drains in the background after intake; wait until its queue-depth gauge is 0.
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline) {
    const text = await (await fetch(`${service.url}/metrics`)).text();
    const depth = text
      .split('\n')
      .filter((l) => /^hotelbot_queue_depth(\{.*\})? /.test(l))
      .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
    if (depth === 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  await new Promise((r) => setTimeout(r, settleMs));
}

export async function main(args: string[]): Promise<number> {
  const opts = optionsOf(args);
  if (!opts) return 0;
  const log = (msg: string) => process.stderr.write(`${msg}\n`);
  const results: Record<string, unknown> = {
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: round(os.totalmem() / 2 ** 30, 1), node: process.version },
    quick: opts.quick,
  };
  const sink = await startChatwootSink();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hotelbot-bench-'));
  const serviceEnv = (extra: Record<string, string>) => ({
    CHATWOOT_BASE_URL: sink.url,
    CHATWOOT_BOT_TOKEN: 'bench-token',
    CHATWOOT_WEBHOOK_SECRET: SECRET,
    AGENT_ASSIST: 'off',
    ...extra,
  });

  try {
    if (opts.sections.has('intake')) {
      const amount = opts.quick ? 2000 : 20000;
      log(`intake: baseline (bare Express), ${amount} deliveries at 50 connections…`);
      const baseline = await startBaselineProcess();
      await measureIntake(baseline.url, { secret: SECRET, amount: 500 }); // warm-up
      const base = await measureIntake(baseline.url, { secret: SECRET, amount });
      await baseline.stop();
      log('intake: the service (embedded database)…');
      const service = await startService(serviceEnv({ DATA_DIR: path.join(tmp, 'intake') }));
      await measureIntake(service.url, { secret: SECRET, amount: 500 });
      await waitIdle(service);
      const svc = await measureIntake(service.url, { secret: SECRET, amount });
      await service.stop();
      results.intake = {
        baseline: base,
        service: svc,
        throughputRatio: round(svc.requestsPerSecond / base.requestsPerSecond, 3),
      };
    }

    // Each level: its conversations are opened at saturation (guests writing as fast as the bot answers, 50 at
    // once: the throughput figure), then guests of all of them write at a steady rate (the latency figure).
    const turnLevels = opts.quick
      ? [
          { conversations: 10, turnsEach: 5, inFlight: 10, pacedTurns: 100 },
          { conversations: 200, turnsEach: 1, inFlight: 50, pacedTurns: 200 },
        ]
      : [
          { conversations: 10, turnsEach: 20, inFlight: 10, pacedTurns: 1000 },
          { conversations: 1000, turnsEach: 1, inFlight: 50, pacedTurns: 1000 },
          { conversations: 10000, turnsEach: 1, inFlight: 50, pacedTurns: 1000 },
        ];

    const runTurns = async (label: string, extraEnv: Record<string, string>) => {
      log(`turns (${label}): starting the service…`);
      const service = await startService(serviceEnv(extraEnv));
      let first = 1_000_000 + Math.floor(Math.random() * 1_000_000) * 100;
      // Warm-up (not measured): the first turns pay for lazily compiled code paths.
      await measureTurns(service.url, sink, { secret: SECRET, firstConversationId: first, conversations: 20, turnsEach: 6, inFlight: 10 });
      first += 20;
      await waitIdle(service, 500);
      const idleRss = service.rss();
      const levels: Array<{ saturation: TurnsResult; paced: PacedResult }> = [];
      for (const level of turnLevels) {
        log(`turns (${label}): ${level.conversations} conversations × ${level.turnsEach} turns, ${level.inFlight} typing at once…`);
        const saturation = await measureTurns(service.url, sink, { secret: SECRET, firstConversationId: first, ...level });
        await waitIdle(service, 500);
        log(`turns (${label}): ${level.pacedTurns} turns at ${opts.rate}/s across the ${level.conversations} conversations…`);
        const paced = await measurePacedTurns(service.url, sink, {
          secret: SECRET,
          firstConversationId: first,
          conversations: level.conversations,
          rate: opts.rate,
          turns: level.pacedTurns,
        });
        levels.push({ saturation, paced });
        first += level.conversations;
      }
      const afterRss = service.rss();
      await service.stop();
      return { levels, memory: { idleMiB: round(idleRss / 2 ** 20, 1), afterMiB: round(afterRss / 2 ** 20, 1), conversations: 20 + turnLevels.reduce((n, l) => n + l.conversations, 0) } };
    };

    if (opts.sections.has('turns') || opts.sections.has('memory')) {
      const embedded = await runTurns('embedded database', { DATA_DIR: path.join(tmp, 'turns') });
      results.turns = { embedded: embedded.levels };
      results.memory = embedded.memory;
      if (opts.databaseUrl) {
        const pg = await runTurns('PostgreSQL', { DATABASE_URL: opts.databaseUrl });
        (results.turns as Record<string, unknown>).postgres = pg.levels;
      } else {
        log('turns: no BENCH_DATABASE_URL / TEST_DATABASE_URL / DATABASE_URL: PostgreSQL skipped');
      }
    }

    if (opts.sections.has('nlu')) {
      log('nlu: training and parsing in process…');
      results.nlu = await measureNlu({ quick: opts.quick, log });
    }
    if (opts.sections.has('adversarial')) {
      log('adversarial: 150,000-character messages through understanding and log masking…');
      results.adversarial = await measureAdversarial();
    }
  } finally {
    await sink.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  if (opts.json) process.stdout.write(`${JSON.stringify(results)}\n`);
  else process.stdout.write(formatReport(results));
  return 0;
}

function formatReport(r: Record<string, any>): string {
  const lines: string[] = [];
  lines.push(`Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}${r.quick ? ' (quick run)' : ''}`);
  if (r.intake) {
    const { baseline: b, service: s } = r.intake;
    lines.push('', 'Webhook intake (signed unique message_created, 50 connections)');
    lines.push(`  bare Express baseline : ${b.requestsPerSecond} req/s  p50 ${b.p50Ms} ms  p99 ${b.p99Ms} ms`);
    lines.push(`  service (stores each) : ${s.requestsPerSecond} req/s  p50 ${s.p50Ms} ms  p99 ${s.p99Ms} ms  non-2xx ${s.non2xx}  errors ${s.errors}`);
    lines.push(`  ratio                 : ${r.intake.throughputRatio} × baseline`);
  }
  if (r.turns) {
    for (const [db, levels] of Object.entries(r.turns as Record<string, Array<{ saturation: TurnsResult; paced: PacedResult }>>)) {
      lines.push('', `End-to-end guest turns (${db}; embedded NLU; Chatwoot API on loopback)`);
      for (const { saturation: t, paced: p } of levels) {
        lines.push(`  ${String(t.conversations).padStart(6)} conversations`);
        lines.push(`    saturation, ${t.inFlight} guests typing at once: ${t.turnsPerSecond} turns/s  p50 ${t.p50Ms} ms  p99 ${t.p99Ms} ms  timeouts ${t.timeouts}`);
        lines.push(`    paced, ${p.rate} turns/s asked (${p.achievedRate} achieved): p50 ${p.p50Ms} ms  p99 ${p.p99Ms} ms  max ${p.maxMs} ms  timeouts ${p.timeouts}`);
      }
    }
  }
  if (r.memory) lines.push('', `Memory (resident): idle ${r.memory.idleMiB} MiB, after ${r.memory.conversations} conversations ${r.memory.afterMiB} MiB`);
  if (r.nlu) {
    lines.push('', 'NLU (embedded engine, in process)');
    for (const [name, n] of Object.entries(r.nlu as Record<string, any>)) {
      lines.push(`  ${name}: training and calibration ${n.trainingMs} ms on ${n.phrases} phrases (threshold ${n.threshold}), start-up with the calibration cached ${n.startupMs} ms; parse p50 ${n.parseP50Ms} ms, p99 ${n.parseP99Ms} ms over ${n.parses} utterances`);
    }
  }
  if (r.adversarial) {
    const a = r.adversarial;
    lines.push('', `Adversarial guest text (${a.characters} characters, slowest of several repetitions; event loop blocked)`);
    lines.push(`  understanding (embedded engine): ${a.detectMaxMs} ms  log masking: ${a.maskMaxMs} ms  email search, whole text: ${a.findEmailMaxMs} ms  (slowest: "${a.slowestUnit}")`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `npm run nlu -- parse "TEXT" [--agent DIR] [--date YYYY-MM-DD] [--engine local|dialogflow] [--lang es]` and
 * `npm run nlu -- eval --data FILE.jsonl [--agent DIR] [--engine local|dialogflow] [--lang es] [--json]`.
 * `--lang` is the guest's language (the query's languageCode): it picks the agent's model for that language.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfig } from '../config';
import { createLogger } from '../logging/logger';
import { evaluate, type EvalLine } from '../nlu/eval/evaluate';
import { createNluEngine } from '../nlu/factory';
import { decide, thresholdOf } from '../nlu/port';
import { defaultAgentDir } from '../paths';
import { parseCommand, subcommand, usageError } from './args';

const USAGE = `Usage:
  npm run nlu -- parse "TEXT" [--agent DIR] [--date YYYY-MM-DD] [--engine local|dialogflow] [--lang es]
  npm run nlu -- eval --data FILE.jsonl [--agent DIR] [--engine local|dialogflow] [--lang es] [--json]`;

const COMMON = { agent: { type: 'string' }, engine: { type: 'string' }, lang: { type: 'string' } } as const;
const COMMANDS = {
  parse: { ...COMMON, date: { type: 'string' } },
  eval: { ...COMMON, data: { type: 'string' }, json: { type: 'boolean' } },
} as const;

export async function main(args: string[]): Promise<number> {
  const command = subcommand(args, ['parse', 'eval'] as const, USAGE);
  if (!command) return 0;
  const parsed = parseCommand(command.rest, { usage: USAGE, options: { ...COMMANDS.parse, ...COMMANDS.eval } });
  if (!parsed) return 0;
  const { values: o, positionals } = parsed;
  const foreign = Object.keys(o).find((k) => !(k in COMMANDS[command.name]));
  if (foreign) throw usageError(`unknown option --${foreign} for ${command.name}`);
  const agentDir = path.resolve(o.agent ?? defaultAgentDir);
  const languageCode = o.lang ?? 'en';
  if (!/^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$/i.test(languageCode)) throw usageError('--lang must be a language code such as es or pt-BR');
  if (o.engine !== undefined && o.engine !== 'local' && o.engine !== 'dialogflow') throw usageError('--engine must be local or dialogflow');
  const config = loadConfig(process.env, { isTty: false });
  const logger = createLogger({ level: 'warn', format: 'pretty', toStderr: true });
  const engineName = o.engine ?? config.nlu.engine;

  if (command.name === 'parse') {
    if (positionals.length !== 1) throw usageError(positionals.length ? 'parse takes one text: put it in quotes' : 'parse needs the text to parse');
    const text = positionals[0];
    const date = o.date;
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw usageError('--date must be YYYY-MM-DD');
    const engine = await createNluEngine({ ...config.nlu, engine: engineName }, { agentDir, logger });
    try {
      const r = await engine.detect({
        text,
        sessionId: 'cli-parse',
        languageCode,
        timeZone: 'UTC',
        referenceDate: date,
      });
      const out = {
        intent: r.intent,
        confidence: r.confidence,
        decision: decide(r, config.nlu.handoffConfidence),
        threshold: thresholdOf(r, config.nlu.handoffConfidence),
        parameters: r.parameters,
        engine: r.engine,
        languageCode: r.languageCode,
      };
      process.stdout.write(`${JSON.stringify(out)}\n`);
    } finally {
      await engine.close();
    }
    return 0;
  }

  // eval
  {
    if (positionals.length) throw usageError(`unexpected argument ${positionals[0]}`);
    const data = o.data;
    if (!data) throw usageError('eval needs --data FILE.jsonl');
    const lines: EvalLine[] = fs
      .readFileSync(data, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l, i) => {
        try {
          const o = JSON.parse(l) as EvalLine;
          if (typeof o.text !== 'string' || typeof o.intent !== 'string') throw new Error('needs "text" and "intent"');
          return o;
        } catch (err) {
          throw new Error(`${data}:${i + 1}: ${(err as Error).message}`);
        }
      });
    const t0 = process.hrtime.bigint();
    const engine = await createNluEngine({ ...config.nlu, engine: engineName }, { agentDir, logger });
    const trainingMs = Math.round(Number(process.hrtime.bigint() - t0) / 1e5) / 10;
    try {
      const { summary, predictions } = await evaluate(engine, lines, config.nlu.handoffConfidence, { languageCode });
      const full = { ...summary, trainingMs, engine: engineName, languageCode };
      if (o.json) {
        process.stdout.write(`${JSON.stringify({ summary: full, predictions })}\n`);
      } else {
        const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
        const out = [
          `${lines.length} utterances, language ${languageCode}, engine ${engineName}, threshold ${summary.threshold}${config.nlu.handoffConfidence === undefined ? ' (calibrated)' : ' (HANDOFF_CONFIDENCE)'}, training ${trainingMs} ms`,
          `in-scope accuracy    ${pct(summary.inScopeAccuracy)}`,
          `out-of-scope recall  ${pct(summary.outOfScopeRecall)}   precision ${pct(summary.outOfScopePrecision)}`,
          `latency              p50 ${summary.latencyMs.p50} ms   p99 ${summary.latencyMs.p99} ms`,
          ...(summary.thresholdSweep
            ? [
                `best threshold       ${summary.thresholdSweep.best.threshold}: in-scope ${pct(summary.thresholdSweep.best.inScopeAccuracy)}, out-of-scope recall ${pct(summary.thresholdSweep.best.outOfScopeRecall)} (the most lines right; set HANDOFF_CONFIDENCE to use it)`,
                `by threshold         ${summary.thresholdSweep.points
                  .filter((_, k) => k % 2 === 1)
                  .map((p) => `${p.threshold}: ${pct(p.inScopeAccuracy)}/${pct(p.outOfScopeRecall)}`)
                  .join('  ')}`,
              ]
            : []),
          '',
          'intent                          precision  recall     F1  support',
          ...Object.entries(summary.perIntent).map(
            ([k, v]) =>
              `${k.padEnd(30)} ${pct(v.precision).padStart(9)} ${pct(v.recall).padStart(7)} ${pct(v.f1).padStart(6)} ${String(v.support).padStart(8)}`,
          ),
          '',
          ...Object.entries(summary.slotAccuracy).map(
            ([k, v]) => `slot ${k.padEnd(18)} ${pct(v.accuracy)} of ${v.support}`,
          ),
        ];
        process.stdout.write(`${out.join('\n')}\n`);
      }
    } finally {
      await engine.close();
    }
    return 0;
  }
}

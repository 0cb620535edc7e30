/**
 * `npm run nlu -- parse "TEXT" [--agent DIR] [--date YYYY-MM-DD] [--lang es]` and
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

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

const USAGE = `Usage:
  npm run nlu -- parse "TEXT" [--agent DIR] [--date YYYY-MM-DD] [--lang es]
  npm run nlu -- eval --data FILE.jsonl [--agent DIR] [--engine local|dialogflow] [--lang es] [--json]`;

export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const config = loadConfig(process.env, { isTty: false });
  const logger = createLogger({ level: 'warn', format: 'pretty', toStderr: true });
  const agentDir = path.resolve(option(rest, '--agent') ?? defaultAgentDir);
  const engineName = (option(rest, '--engine') ?? config.nlu.engine) as 'local' | 'dialogflow';
  const languageCode = option(rest, '--lang') ?? 'en';
  if (!/^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$/i.test(languageCode)) throw new Error(`--lang must be a language code such as es or pt-BR\n${USAGE}`);
  if (engineName !== 'local' && engineName !== 'dialogflow')
    throw new Error(`--engine must be local or dialogflow\n${USAGE}`);

  if (command === 'parse') {
    const text = rest.find((a, i) => !a.startsWith('--') && !['--agent', '--date', '--engine', '--lang'].includes(rest[i - 1]));
    if (!text) throw new Error(`parse needs the text to parse\n${USAGE}`);
    const date = option(rest, '--date');
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error('--date must be YYYY-MM-DD');
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

  if (command === 'eval') {
    const data = option(rest, '--data');
    if (!data) throw new Error(`eval needs --data FILE.jsonl\n${USAGE}`);
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
      if (rest.includes('--json')) {
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
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

/**
 * NLU figures: training time and per-utterance parse latency of the embedded engine, for the hotel agent in
 * intents/ and, when the CLINC150 training set is beside the checkout, for its 15,000 phrases.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalNluEngine } from '../../nlu/local/engine';
import { defaultAgentDir, projectRoot } from '../../paths';
import { round, summarize } from './stats';

interface NluFigures {
  phrases: number;
  /** First construction: training, and the calibration (cross-validation) unless it was cached for this agent. */
  trainingMs: number;
  /** A second construction, as a restart sees it: training, the cached calibration and the warm-up. */
  startupMs: number;
  threshold: number;
  parses: number;
  parseP50Ms: number;
  parseP99Ms: number;
}

function usersaysTexts(agentDir: string): string[] {
  const dir = path.join(agentDir, 'intents');
  const texts: string[] = [];
  for (const f of fs.readdirSync(dir).filter((n) => /_usersays_[\w-]+\.json$/.test(n))) {
    for (const p of JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Array<{ data: Array<{ text: string }> }>) {
      texts.push(p.data.map((d) => d.text).join(''));
    }
  }
  return texts;
}

async function measureAgent(agentDir: string, probes: string[]): Promise<NluFigures> {
  const t0 = process.hrtime.bigint();
  const engine = await LocalNluEngine.fromAgentDir(agentDir);
  const trainingMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const t1 = process.hrtime.bigint();
  await LocalNluEngine.fromAgentDir(agentDir);
  const startupMs = Number(process.hrtime.bigint() - t1) / 1e6;
  const samples: number[] = [];
  for (const [i, text] of probes.entries()) {
    const s = process.hrtime.bigint();
    await engine.detect({ text, sessionId: `bench-${i % 50}`, languageCode: 'en', timeZone: 'Europe/Madrid', referenceDate: '2026-11-24' });
    samples.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  await engine.close();
  const st = summarize(samples.slice(Math.min(50, Math.floor(samples.length / 10)))); // skip JIT warm-up
  return { phrases: usersaysTexts(agentDir).length, trainingMs: round(trainingMs, 1), startupMs: round(startupMs, 1), threshold: engine.threshold, parses: st.count, parseP50Ms: st.p50, parseP99Ms: st.p99 };
}

export async function measureNlu(opts: { quick: boolean; log: (m: string) => void }): Promise<Record<string, NluFigures>> {
  const out: Record<string, NluFigures> = {};
  const hotelProbes = usersaysTexts(defaultAgentDir).map((t) => t.toLowerCase().replace(/[aeiou]\b/g, ''));
  out.hotel = await measureAgent(defaultAgentDir, hotelProbes.slice(0, opts.quick ? 300 : 3000));

  const clinc = path.resolve(projectRoot, '..', 'shared', 'eval', 'clinc150');
  if (fs.existsSync(path.join(clinc, 'train.jsonl'))) {
    opts.log('nlu: building the CLINC150 agent from train.jsonl…');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinc-agent-'));
    const { main: fromJsonl } = await import('../intents/from-jsonl');
    await fromJsonl([path.join(clinc, 'train.jsonl'), '--out', dir]);
    const val = fs
      .readFileSync(path.join(clinc, 'val.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { text: string }).text);
    out.clinc150 = await measureAgent(dir, val.slice(0, opts.quick ? 500 : val.length));
    fs.rmSync(dir, { recursive: true, force: true });
  } else {
    opts.log(`nlu: ${clinc} not found: CLINC150 figures skipped`);
  }
  return out;
}

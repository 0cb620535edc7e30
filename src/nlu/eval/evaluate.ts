/**
 * `nlu eval`: runs labelled utterances through an engine and reports in-scope accuracy, out-of-scope recall and
 * precision, per-intent precision/recall/F1, slot accuracy per slot, and latency.
 */
import { decide, type NluContext, type NluEngine, type NormalizedParameters } from '../port';

export interface EvalLine {
  text: string;
  intent: string;
  accept?: string[];
  reference_date?: string;
  context?: string;
  slots?: Record<string, unknown>;
}

export interface Prediction {
  text: string;
  expected: string;
  predicted: string;
  confidence: number;
  parameters: NormalizedParameters;
}

const OOS = new Set(['out_of_scope', 'oos']);
const SLOTS = ['checkin', 'checkout', 'nights', 'guests', 'rooms', 'room_type', 'email', 'name', 'confirmation_code'] as const;

/** The bot's previous question → the parameter the answer fills (as the dialogue tells the engine). */
export function expectingFromQuestion(question: string | undefined): NluContext[] {
  if (!question) return [];
  const q = question.toLowerCase();
  const pick = (name: string) => [{ name: `awaiting_${name}`, lifespan: 1, parameters: { intent: /search|find|look/.test(q) ? 'booking.availability' : 'booking.create' } }];
  if (/check ?out|leave|depart|until when|how long/.test(q) && !/check ?in/.test(q)) return pick('checkout');
  if (/check ?in|arriv|which date|what date|when/.test(q)) return pick('checkin');
  if (/how many (people|guests|adults|persons)|guests|adults/.test(q)) return pick('guests');
  if (/how many rooms|rooms/.test(q)) return pick('rooms');
  if (/nights|days/.test(q)) return pick('nights');
  return [];
}

export async function evaluate(engine: NluEngine, lines: EvalLine[], threshold: number) {
  const predictions: Prediction[] = [];
  const latencies: number[] = [];
  for (const [i, line] of lines.entries()) {
    const start = process.hrtime.bigint();
    const r = await engine.detect({
      text: line.text,
      sessionId: `eval-${i}`,
      languageCode: 'en',
      timeZone: 'UTC',
      referenceDate: line.reference_date ?? new Date().toISOString().slice(0, 10),
      contexts: expectingFromQuestion(line.context),
    });
    latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    const predicted = decide(r, threshold) === 'act' ? r.intent : 'out_of_scope';
    predictions.push({ text: line.text, expected: OOS.has(line.intent) ? 'out_of_scope' : line.intent, predicted, confidence: r.confidence, parameters: r.parameters });
  }
  return { summary: summarize(lines, predictions, latencies), predictions };
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

function summarize(lines: EvalLine[], preds: Prediction[], latencies: number[]) {
  const correct = (p: Prediction, i: number) => p.predicted === p.expected || (lines[i].accept ?? []).includes(p.predicted);
  const inScope = preds.map((p, i) => ({ p, i })).filter(({ p }) => p.expected !== 'out_of_scope');
  const oos = preds.filter((p) => p.expected === 'out_of_scope');
  const predictedOos = preds.filter((p) => p.predicted === 'out_of_scope');
  const labels = [...new Set(preds.flatMap((p) => [p.expected, p.predicted]))].sort();
  const perIntent: Record<string, { precision: number; recall: number; f1: number; support: number }> = {};
  for (const l of labels) {
    // A prediction accepted by the line's `accept` list counts as right for the label predicted.
    const tp = preds.filter((p, i) => p.expected === l && correct(p, i)).length;
    const fp = preds.filter((p, i) => p.predicted === l && !correct(p, i)).length;
    const support = preds.filter((p) => p.expected === l).length;
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = support ? tp / support : 0;
    perIntent[l] = { precision: round(precision), recall: round(recall), f1: round(precision + recall ? (2 * precision * recall) / (precision + recall) : 0), support };
  }
  const slotAccuracy: Record<string, { accuracy: number; support: number }> = {};
  for (const s of SLOTS) {
    const withSlot = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.slots && l.slots[s] !== undefined);
    if (!withSlot.length) continue;
    const right = withSlot.filter(({ l, i }) => String((preds[i].parameters as Record<string, unknown>)[s] ?? '').toLowerCase() === String(l.slots![s]).toLowerCase()).length;
    slotAccuracy[s] = { accuracy: round(right / withSlot.length), support: withSlot.length };
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);
  return {
    lines: preds.length,
    inScopeAccuracy: round(inScope.filter(({ p, i }) => correct(p, i)).length / (inScope.length || 1)),
    outOfScopeRecall: round(oos.filter((p) => p.predicted === 'out_of_scope').length / (oos.length || 1)),
    outOfScopePrecision: round(predictedOos.filter((p) => p.expected === 'out_of_scope').length / (predictedOos.length || 1)),
    perIntent,
    slotAccuracy,
    latencyMs: { p50: pct(50), p99: pct(99) },
  };
}

/**
 * `nlu eval`: runs labelled utterances through an engine and reports in-scope accuracy, out-of-scope recall and
 * precision, per-intent precision/recall/F1, slot accuracy per slot, and latency.
 */
import { expectingFromQuestion as expectingParam } from '../local/entities/expecting';
import { decide, thresholdOf, type NluContext, type NluEngine, type NormalizedParameters } from '../port';

export interface EvalLine {
  text: string;
  intent: string;
  accept?: string[];
  reference_date?: string;
  context?: string;
  slots?: Record<string, unknown>;
  notes?: string;
  /** The guest's language for this line ("es"); else the run's `--lang`, else en. */
  lang?: string;
}

/**
 * The expected check-out of a line. The data set flags a few lines whose canonical check-out is not after the
 * check-in (NLU++ resolved each date on its own against the reference date) and says to re-resolve them: the
 * check-out text is read again after the check-in, moving a day-of-month ("the 17th") by months and a month-day
 * ("9 October") by years. A text with its own year stays as it is (and cannot be matched).
 */
export function expectedCheckout(line: EvalLine): string | undefined {
  const slots = line.slots ?? {};
  const checkout = typeof slots.checkout === 'string' ? slots.checkout : undefined;
  const checkin = typeof slots.checkin === 'string' ? slots.checkin : undefined;
  const text = typeof slots.checkout_text === 'string' ? slots.checkout_text : '';
  if (
    !checkout ||
    !checkin ||
    checkout > checkin ||
    !/not after check-?in/i.test(line.notes ?? '') ||
    /\b\d{4}\b/.test(text)
  )
    return checkout;
  const byYears = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i.test(text);
  const d = new Date(`${checkout}T00:00:00Z`);
  for (let i = 0; i < 24 && d.toISOString().slice(0, 10) <= checkin; i++) {
    if (byYears) d.setUTCFullYear(d.getUTCFullYear() + 1);
    else d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return d.toISOString().slice(0, 10);
}

export interface Prediction {
  text: string;
  expected: string;
  predicted: string;
  confidence: number;
  parameters: NormalizedParameters;
}

const OOS = new Set(['out_of_scope', 'oos']);
/** The label a line expects, with the data sets' out-of-scope spellings as one. */
const expectedOf = (line: EvalLine) => (OOS.has(line.intent) ? 'out_of_scope' : line.intent);
/**
 * What the bot acts on at this threshold (undefined: the result's own, as the service decides): the intent, or
 * out_of_scope (fallback or under the threshold).
 */
const predictedAt = (answer: Answer, threshold: number | undefined) =>
  decide(answer, threshold) === 'act' ? answer.intent : 'out_of_scope';
/** Right when it is the expected label or one the line's `accept` list allows. */
const isRight = (line: EvalLine, predicted: string) =>
  predicted === expectedOf(line) || (line.accept ?? []).includes(predicted);
const SLOTS = [
  'checkin',
  'checkout',
  'nights',
  'guests',
  'rooms',
  'room_type',
  'email',
  'name',
  'confirmation_code',
] as const;

/** The bot's previous question → the slot-filling context the dialogue would have set for the answer. */
export function expectingFromQuestion(question: string | undefined): NluContext[] {
  const param = expectingParam(question);
  if (!question || !param) return [];
  const intent = /search|find|look/i.test(question) ? 'booking.availability' : 'booking.create';
  return [{ name: `awaiting_${param}`, lifespan: 1, parameters: { intent } }];
}

/** `override`: a HANDOFF_CONFIDENCE to decide with instead of each result's own threshold. */
export async function evaluate(engine: NluEngine, lines: EvalLine[], override?: number, opts: { languageCode?: string } = {}) {
  const predictions: Prediction[] = [];
  const answers: Answer[] = [];
  const latencies: number[] = [];
  for (const [i, line] of lines.entries()) {
    const start = process.hrtime.bigint();
    const r = await engine.detect({
      text: line.text,
      sessionId: `eval-${i}`,
      languageCode: line.lang ?? opts.languageCode ?? 'en',
      timeZone: 'UTC',
      referenceDate: line.reference_date ?? new Date().toISOString().slice(0, 10),
      contexts: expectingFromQuestion(line.context),
    });
    latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    answers.push({ intent: r.intent, confidence: r.confidence, isFallback: r.isFallback, threshold: r.threshold });
    predictions.push({
      text: line.text,
      expected: expectedOf(line),
      predicted: predictedAt(r, override),
      confidence: r.confidence,
      parameters: r.parameters,
    });
  }
  // The threshold decided with: the override, else the engine's own (one per language model; the first line's).
  const threshold = answers.length ? thresholdOf(answers[0], override) : override;
  return {
    summary: { ...summarize(lines, predictions, latencies), threshold, thresholdSweep: sweep(lines, answers) },
    predictions,
  };
}

/** What the engine answered for a line, before the handoff threshold is applied. */
type Answer = { intent: string; confidence: number; isFallback: boolean; threshold?: number };

export interface ThresholdPoint {
  threshold: number;
  inScopeAccuracy: number;
  outOfScopeRecall: number;
}

/**
 * In-scope accuracy and out-of-scope recall at handoff thresholds 0.05…0.95, and the threshold that gets the most
 * lines right (in scope and out of scope alike: the paper's oos-threshold rule for CLINC150), so a bot designer
 * can choose HANDOFF_CONFIDENCE for an agent from its labelled data. Absent when the data has no out-of-scope lines.
 */
export function sweep(
  lines: EvalLine[],
  answers: Answer[],
): { best: ThresholdPoint; points: ThresholdPoint[] } | undefined {
  const inScope = lines.map((l, i) => i).filter((i) => !OOS.has(lines[i].intent));
  const outOfScope = lines.map((l, i) => i).filter((i) => OOS.has(lines[i].intent));
  if (!inScope.length || !outOfScope.length) return undefined;
  const right = (i: number, t: number) => isRight(lines[i], predictedAt(answers[i], t));
  const at = (t: number): ThresholdPoint & { right: number } => {
    const inRight = inScope.filter((i) => right(i, t)).length;
    const oosRight = outOfScope.filter((i) => right(i, t)).length;
    return {
      threshold: t,
      inScopeAccuracy: round(inRight / inScope.length),
      outOfScopeRecall: round(oosRight / outOfScope.length),
      right: inRight + oosRight,
    };
  };
  const points = Array.from({ length: 19 }, (_, k) => at(round(0.05 * (k + 1))));
  // The best threshold is searched among the confidences themselves (finer than the grid): a threshold equal to a
  // line's confidence acts on it. The first of the best is kept and moved halfway down to the confidence below it,
  // which gives the same lines right with a margin on both sides.
  const confidences = [...new Set(answers.map((a) => a.confidence))].sort((a, b) => a - b);
  let best = at(0);
  let below = 0;
  for (const [k, c] of confidences.entries()) {
    const point = at(c);
    if (point.right > best.right) {
      best = point;
      below = k ? confidences[k - 1] : 0;
    }
  }
  if (best.threshold > 0) best = at(round((below + best.threshold) / 2));
  const strip = ({ threshold, inScopeAccuracy, outOfScopeRecall }: ThresholdPoint) => ({
    threshold,
    inScopeAccuracy,
    outOfScopeRecall,
  });
  return { best: strip(best), points: points.map(strip) };
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

function summarize(lines: EvalLine[], preds: Prediction[], latencies: number[]) {
  const correct = (p: Prediction, i: number) => isRight(lines[i], p.predicted);
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
    perIntent[l] = {
      precision: round(precision),
      recall: round(recall),
      f1: round(precision + recall ? (2 * precision * recall) / (precision + recall) : 0),
      support,
    };
  }
  const slotAccuracy: Record<string, { accuracy: number; support: number }> = {};
  for (const s of SLOTS) {
    const withSlot = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.slots && l.slots[s] !== undefined);
    if (!withSlot.length) continue;
    const expected = (l: EvalLine) => (s === 'checkout' ? expectedCheckout(l) : l.slots![s]);
    const right = withSlot.filter(
      ({ l, i }) =>
        String((preds[i].parameters as Record<string, unknown>)[s] ?? '').toLowerCase() ===
        String(expected(l)).toLowerCase(),
    ).length;
    slotAccuracy[s] = { accuracy: round(right / withSlot.length), support: withSlot.length };
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);
  return {
    lines: preds.length,
    inScopeAccuracy: round(inScope.filter(({ p, i }) => correct(p, i)).length / (inScope.length || 1)),
    outOfScopeRecall: round(oos.filter((p) => p.predicted === 'out_of_scope').length / (oos.length || 1)),
    outOfScopePrecision: round(
      predictedOos.filter((p) => p.expected === 'out_of_scope').length / (predictedOos.length || 1),
    ),
    perIntent,
    slotAccuracy,
    latencyMs: { p50: pct(50), p99: pct(99) },
  };
}

/**
 * Confidence that means the same on every agent: the handoff threshold is calibrated from the agent's own phrases
 * when it is trained. Each phrase is predicted by a model trained without it (k-fold cross-validation, stratified by
 * intent), which gives the confidences that phrasings the model has not seen get: those of the agent's intents
 * (in scope) and, where the agent has them, of its fallback intent's negative examples (out of scope).
 *
 * Every fold's model is also asked everyday requests no business agent handles (generic-negatives.ts): out-of-scope
 * examples for agents that have fewer than 50 of their own, which on a small agent get confidences (0.45–0.55) that
 * a fixed threshold would act on.
 *
 * The threshold is the lowest that rejects 90 % of the negatives (a fixed out-of-scope recall, the way the CLINC150
 * benchmark compares systems), moved down by a margin because a guest's words are further from the phrases than the
 * phrases are from each other. Weighing both sides equally instead (the most of both right) was tried: on a small
 * agent, whose held-out phrases are weak, it acts on unrelated messages.
 */
import type { IntentClassifier, TrainingExample } from './classifier';
import { GENERIC_NEGATIVES } from './generic-negatives';

export interface Calibration {
  /** Confidence at or above which the bot acts on the intent. */
  threshold: number;
  folds: number;
  /** Held-out in-scope phrases and negative examples the threshold was chosen on. */
  inScope: number;
  negatives: number;
  /** At the threshold, on the held-out phrases: share of in-scope phrases right, share of negatives rejected. */
  inScopeAccuracy: number;
  outOfScopeRecall: number;
}

export const CALIBRATION_FOLDS = 3;
/**
 * Folds for an agent of n phrases: a small agent's models trained on two thirds of its few phrases are much weaker
 * than the real one, so it gets more folds (each costs little there); a large one gets 3 (start-up time).
 */
export function foldsFor(n: number): number {
  return n <= 300 ? 10 : n <= 1000 ? 5 : CALIBRATION_FOLDS;
}
/** The label of the generic negatives in held-out predictions. */
export const GENERIC_LABEL = '(generic out of scope)';
/** Share of held-out negatives the threshold rejects (before the margin). */
const OOS_RECALL = 0.9;
/** With this many negative examples of its own, an agent is calibrated on them alone (no generic requests). */
const OWN_NEGATIVES = 50;
/** Negative examples needed before they steer the threshold. */
const MIN_NEGATIVES = 10;
/** Without negatives: the share of held-out in-scope phrases (right ones) allowed under the threshold. */
const QUANTILE = 0.05;
/** With negatives: the largest share of right held-out in-scope phrases the threshold may reject. */
const IN_SCOPE_GIVEN_UP = 0.1;
/** Held-out phrases are closer to the training phrases than a guest's words: the threshold is moved down by this. */
const MARGIN = 0.05;
/** Bounds: never act on anything (0) nor refuse everything (1). */
const LOWEST = 0.1;
const HIGHEST = 0.9;

export interface HeldOut {
  label: string;
  predicted: string;
  confidence: number;
}

/** Deterministic stratified folds: the i-th phrase of each label goes to fold i mod k. */
export function foldsOf(data: TrainingExample[], k: number): number[] {
  const seen = new Map<string, number>();
  return data.map((d) => {
    const i = seen.get(d.label) ?? 0;
    seen.set(d.label, i + 1);
    return i % k;
  });
}

/**
 * Predicts every phrase with a model trained on the other folds (a label with a single phrase stays in training),
 * and the generic negatives with each fold's model, labelled `negativeLabel`.
 */
export function crossValidate(
  data: TrainingExample[],
  train: (data: TrainingExample[]) => IntentClassifier,
  k = foldsFor(data.length),
  negativeLabel = GENERIC_LABEL,
): HeldOut[] {
  const counts = new Map<string, number>();
  for (const d of data) counts.set(d.label, (counts.get(d.label) ?? 0) + 1);
  const fold = foldsOf(data, k);
  const out: HeldOut[] = [];
  for (let f = 0; f < k; f++) {
    const heldOut = data.filter((d, i) => fold[i] === f && counts.get(d.label)! >= 2);
    const rest = data.filter((d, i) => !(fold[i] === f && counts.get(d.label)! >= 2));
    if (!heldOut.length || !rest.length) continue;
    const model = train(rest);
    for (const d of heldOut) {
      const p = model.predict(d.text);
      out.push({ label: d.label, predicted: p.label, confidence: p.confidence });
    }
    for (const text of GENERIC_NEGATIVES) {
      const p = model.predict(text);
      out.push({ label: negativeLabel, predicted: p.label, confidence: p.confidence });
    }
  }
  return out;
}

/** Confidences of the held-out in-scope phrases the model got right, lowest first. */
const rightConfidences = (inScope: HeldOut[]) => inScope.filter((h) => h.predicted === h.label).map((h) => h.confidence).sort((a, b) => a - b);

/** The threshold from held-out predictions (see the file's comment). `fallback` is the fallback intent's label. */
export function chooseThreshold(heldOut: HeldOut[], fallback: string | undefined, folds = CALIBRATION_FOLDS): Calibration {
  // The generic requests count only for an agent with few negatives of its own: an assistant whose intents cover
  // the weather or recipes (CLINC150's) has its own, and would otherwise be calibrated against its own domain.
  const own = heldOut.filter((h) => h.label === fallback).length;
  const isNegative = (h: HeldOut) => h.label === fallback || (h.label === GENERIC_LABEL && own < OWN_NEGATIVES);
  heldOut = heldOut.filter((h) => h.label !== GENERIC_LABEL || own < OWN_NEGATIVES);
  const inScope = heldOut.filter((h) => !isNegative(h));
  const negatives = heldOut.filter(isNegative);
  const rightAt = (h: HeldOut, t: number) => h.predicted === h.label && h.confidence >= t;
  const rejectedAt = (h: HeldOut, t: number) => h.predicted === fallback || h.confidence < t;
  const share = (xs: HeldOut[], ok: (h: HeldOut) => boolean) => (xs.length ? xs.filter(ok).length / xs.length : 1);
  let threshold: number;
  if (negatives.length >= MIN_NEGATIVES && inScope.length) {
    // The lowest threshold that rejects OOS_RECALL of the negatives: as many in-scope phrases act as that allows.
    const confidences = negatives.filter((h) => h.predicted !== fallback).map((h) => h.confidence).sort((a, b) => a - b);
    const mustReject = Math.ceil(OOS_RECALL * negatives.length) - (negatives.length - confidences.length);
    threshold = mustReject <= 0 ? LOWEST : (confidences[Math.min(mustReject, confidences.length) - 1] ?? LOWEST) + 1e-4;
    // The agent's own fallback examples are written to borrow its words, and can push that threshold above most
    // right answers: then it never rejects more than IN_SCOPE_GIVEN_UP of them. (Not with the generic requests: on a
    // small agent, whose held-out phrases are weak, that would act on unrelated messages.)
    const right = rightConfidences(inScope);
    if (own >= OWN_NEGATIVES && right.length) threshold = Math.min(threshold, right[Math.floor(IN_SCOPE_GIVEN_UP * (right.length - 1))]);
  } else {
    const right = rightConfidences(inScope);
    threshold = right.length ? right[Math.floor(QUANTILE * (right.length - 1))] : LOWEST;
  }
  threshold = Math.min(HIGHEST, Math.max(LOWEST, threshold - MARGIN));
  threshold = Math.round(threshold * 10_000) / 10_000;
  return {
    threshold,
    folds,
    inScope: inScope.length,
    negatives: negatives.length,
    inScopeAccuracy: round(share(inScope, (h) => rightAt(h, threshold))),
    outOfScopeRecall: round(share(negatives, (h) => rejectedAt(h, threshold))),
  };
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

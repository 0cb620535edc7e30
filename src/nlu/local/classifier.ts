/**
 * Intent classifier: TF-IDF features and a multinomial logistic regression trained by SGD with a fixed seed, so
 * the same agent always gives the same model. The agent's fallback examples are a class of their own (what
 * Dialogflow calls negative examples). Confidence is the class probability scaled down when the text is far from
 * every training phrase (cosine similarity to the nearest one), which is what catches unseen out-of-scope input.
 */
import { featuresOf } from './features';

type Sparse = { idx: Int32Array; val: Float32Array };

export interface TrainingExample {
  text: string;
  label: string;
}

export interface Prediction {
  label: string;
  probability: number;
  /** Cosine similarity to the nearest training phrase of the predicted label, 0..1. */
  similarity: number;
  confidence: number;
  ranking: Array<{ label: string; probability: number }>;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class IntentClassifier {
  private vocab = new Map<string, number>();
  private idf = new Float32Array(0);
  private labels: string[] = [];
  private weights = new Float32Array(0); // labels × features
  private bias = new Float32Array(0);
  private examples: Array<{ x: Sparse; label: number }> = [];
  private byLabel: Sparse[][] = [];

  static train(data: TrainingExample[], opts: { epochs?: number; seed?: number; l2?: number } = {}): IntentClassifier {
    const c = new IntentClassifier();
    c.fit(data, opts);
    return c;
  }

  private vectorize(text: string, grow: boolean): Sparse {
    const f = featuresOf(text);
    const idx: number[] = [];
    const val: number[] = [];
    for (const [k, v] of f) {
      let i = this.vocab.get(k);
      if (i === undefined) {
        if (!grow) continue;
        i = this.vocab.size;
        this.vocab.set(k, i);
      }
      idx.push(i);
      val.push(1 + Math.log(v));
    }
    return { idx: Int32Array.from(idx), val: Float32Array.from(val) };
  }

  private weigh(x: Sparse): Sparse {
    let norm = 0;
    const val = new Float32Array(x.val.length);
    for (let j = 0; j < x.idx.length; j++) {
      val[j] = x.val[j] * this.idf[x.idx[j]];
      norm += val[j] * val[j];
    }
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < val.length; j++) val[j] /= norm;
    return { idx: x.idx, val };
  }

  private fit(data: TrainingExample[], opts: { epochs?: number; seed?: number; l2?: number }): void {
    this.labels = [...new Set(data.map((d) => d.label))].sort();
    const labelIndex = new Map(this.labels.map((l, i) => [l, i]));
    const rawX = data.map((d) => this.vectorize(d.text, true));
    const df = new Float32Array(this.vocab.size);
    for (const x of rawX) for (const i of x.idx) df[i]++;
    this.idf = df.map((d) => Math.log((1 + data.length) / (1 + d)) + 1);
    this.examples = rawX.map((x, i) => ({ x: this.weigh(x), label: labelIndex.get(data[i].label)! }));
    this.byLabel = this.labels.map(() => []);
    for (const e of this.examples) this.byLabel[e.label].push(e.x);

    const L = this.labels.length;
    const F = this.vocab.size;
    this.weights = new Float32Array(L * F);
    this.bias = new Float32Array(L);
    const rand = mulberry32(opts.seed ?? 42);
    const order = this.examples.map((_, i) => i);
    const epochs = opts.epochs ?? 12;
    const l2 = opts.l2 ?? 1e-5;
    const scores = new Float64Array(L);
    // Classes are weighted so a large class (e.g. many fallback examples) does not drown small ones.
    const counts = new Float64Array(L);
    for (const e of this.examples) counts[e.label]++;
    const classWeight = Array.from(counts, (n) => (n ? this.examples.length / (L * n) : 0)).map((w) => Math.sqrt(w));
    let step = 0;
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (const n of order) {
        const { x, label } = this.examples[n];
        const lr = 0.5 / (1 + 0.5 * step++ / this.examples.length);
        this.scoresOf(x, scores);
        const cw = classWeight[label];
        for (let l = 0; l < L; l++) {
          const g = (scores[l] - (l === label ? 1 : 0)) * cw;
          if (Math.abs(g) < 1e-4) continue;
          const row = l * F;
          for (let j = 0; j < x.idx.length; j++) this.weights[row + x.idx[j]] -= lr * (g * x.val[j] + l2 * this.weights[row + x.idx[j]]);
          this.bias[l] -= lr * g * 0.1;
        }
      }
    }
  }

  private scoresOf(x: Sparse, out: Float64Array): void {
    const F = this.vocab.size;
    let max = -Infinity;
    for (let l = 0; l < this.labels.length; l++) {
      let s = this.bias[l];
      const row = l * F;
      for (let j = 0; j < x.idx.length; j++) s += this.weights[row + x.idx[j]] * x.val[j];
      out[l] = s;
      if (s > max) max = s;
    }
    let sum = 0;
    for (let l = 0; l < this.labels.length; l++) {
      out[l] = Math.exp(out[l] - max);
      sum += out[l];
    }
    for (let l = 0; l < this.labels.length; l++) out[l] /= sum;
  }

  private nearest(x: Sparse, label: number): number {
    let best = 0;
    const dense = new Map<number, number>();
    for (let j = 0; j < x.idx.length; j++) dense.set(x.idx[j], x.val[j]);
    for (const e of this.byLabel[label]) {
      let dot = 0;
      for (let j = 0; j < e.idx.length; j++) {
        const v = dense.get(e.idx[j]);
        if (v !== undefined) dot += v * e.val[j];
      }
      if (dot > best) best = dot;
    }
    return best;
  }

  /** `allowed` restricts the answer to some labels (e.g. intents whose input contexts are active). */
  predict(text: string, allowed?: (label: string) => boolean): Prediction {
    const x = this.weigh(this.vectorize(text, false));
    const scores = new Float64Array(this.labels.length);
    this.scoresOf(x, scores);
    let total = 0;
    const ranking: Array<{ label: string; probability: number }> = [];
    for (let l = 0; l < this.labels.length; l++) {
      if (allowed && !allowed(this.labels[l])) continue;
      ranking.push({ label: this.labels[l], probability: scores[l] });
      total += scores[l];
    }
    for (const r of ranking) r.probability = total ? r.probability / total : 0;
    ranking.sort((a, b) => b.probability - a.probability || a.label.localeCompare(b.label));
    const top = ranking[0] ?? { label: '', probability: 0 };
    const similarity = x.idx.length ? this.nearest(x, this.labels.indexOf(top.label)) : 0;
    // Far from every phrase of the class, the probability alone overstates how sure we are: average it with the
    // similarity to the nearest phrase (measured on hotel-dev as the better out-of-scope signal of the two).
    const confidence = 0.5 * top.probability + 0.5 * similarity;
    return { label: top.label, probability: top.probability, similarity, confidence, ranking: ranking.slice(0, 5) };
  }
}

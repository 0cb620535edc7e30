/** Small statistics helpers for benchmark figures. */

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

export function summarize(samplesMs: number[]): { count: number; p50: number; p99: number; mean: number; max: number } {
  const s = [...samplesMs].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { count: s.length, p50: round(percentile(s, 50)), p99: round(percentile(s, 99)), mean: round(mean), max: round(s[s.length - 1] ?? 0) };
}

export const round = (n: number, digits = 3): number => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Pretrained word vectors shipped with the project (vectors/<lang>-glove-100d.bin, built by `npm run vectors:build`):
 * a compact table of the words that matter, each vector quantized to int8 with its own scale. The engine adds a
 * sentence's mean vector beside its character and word n-grams, so "amend my reservation" lands near "change my
 * booking" although no phrase says "amend".
 *
 * File layout (little-endian): "HBWV", uint32 version (1), uint32 dims, uint32 count, uint32 byte length of the
 * words (UTF-8, one per line, most frequent first), the words, zero padding to a multiple of 4, float32 scale[count],
 * uint32 rank[count] (the word's frequency rank in the source: 0 is the most frequent), int8 vector[count × dims].
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../../paths';

export const VECTORS_MAGIC = 'HBWV';
export const VECTORS_VERSION = 1;
export const vectorsDir = path.join(projectRoot, 'vectors');
const REBUILD = 'rebuild it with `npm run vectors:build` (see vectors/README.md)';

/**
 * Smooth inverse frequency (Arora et al. 2017): a word's weight in the sentence mean is a / (a + p(word)), with
 * p from its frequency rank by Zipf's law, so "the", "to" and "I" barely move the mean and "amend" does.
 */
const SIF_A = 1e-3;
const ZIPF_H = 13.3; // harmonic number of the source's 341k words: p(rank) ≈ 1 / ((rank + 1) · H)

export class WordVectors {
  private readonly index = new Map<string, number>();
  private readonly weights: Float32Array;

  constructor(
    readonly dims: number,
    words: string[],
    private readonly scales: Float32Array,
    ranks: Uint32Array,
    private readonly values: Int8Array,
    /** Where the table was read from (for messages). */
    readonly source = '(memory)',
    /** sha256 of the table's bytes: part of the key of anything computed with it (see model-cache.ts). */
    readonly digest = '',
  ) {
    words.forEach((w, i) => this.index.set(w, i));
    this.weights = Float32Array.from(ranks, (r) => SIF_A / (SIF_A + 1 / ((r + 1) * ZIPF_H)));
  }

  get size(): number {
    return this.index.size;
  }

  has(word: string): boolean {
    return this.index.has(word);
  }

  /** The word's vector (dequantized), or undefined when the table lacks it. */
  vectorOf(word: string): Float32Array | undefined {
    const i = this.index.get(word);
    if (i === undefined) return undefined;
    const out = new Float32Array(this.dims);
    const s = this.scales[i];
    for (let d = 0, o = i * this.dims; d < this.dims; d++) out[d] = this.values[o + d] * s;
    return out;
  }

  /**
   * The frequency-weighted mean of the words' vectors, scaled to length 1; undefined when no word has a vector.
   * Words are as features.ts normalises them (lower case, no accents, contractions split).
   */
  sentence(words: readonly string[]): Float32Array | undefined {
    const out = new Float32Array(this.dims);
    let found = 0;
    for (const w of words) {
      const i = this.index.get(w);
      if (i === undefined) continue;
      found++;
      const k = this.scales[i] * this.weights[i];
      for (let d = 0, o = i * this.dims; d < this.dims; d++) out[d] += this.values[o + d] * k;
    }
    if (!found) return undefined;
    let norm = 0;
    for (let d = 0; d < this.dims; d++) norm += out[d] * out[d];
    norm = Math.sqrt(norm);
    if (!norm) return undefined;
    for (let d = 0; d < this.dims; d++) out[d] /= norm;
    return out;
  }
}

/** Encodes a table in the file layout above (used by the build script and tests). */
export function encodeWordVectors(entries: Array<{ word: string; rank: number; vector: ArrayLike<number> }>, dims: number): Buffer {
  const words = Buffer.from(entries.map((e) => e.word).join('\n'), 'utf8');
  const pad = (4 - (words.length % 4)) % 4;
  const head = Buffer.alloc(20);
  head.write(VECTORS_MAGIC, 0, 'ascii');
  head.writeUInt32LE(VECTORS_VERSION, 4);
  head.writeUInt32LE(dims, 8);
  head.writeUInt32LE(entries.length, 12);
  head.writeUInt32LE(words.length, 16);
  const scales = new Float32Array(entries.length);
  const ranks = new Uint32Array(entries.length);
  const values = new Int8Array(entries.length * dims);
  entries.forEach((e, i) => {
    if (e.vector.length !== dims) throw new Error(`"${e.word}" has ${e.vector.length} values, not ${dims}`);
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(e.vector[d]));
    const scale = max / 127 || 1;
    scales[i] = scale;
    ranks[i] = e.rank;
    for (let d = 0; d < dims; d++) values[i * dims + d] = Math.round(e.vector[d] / scale);
  });
  return Buffer.concat([
    head,
    words,
    Buffer.alloc(pad),
    Buffer.from(scales.buffer),
    Buffer.from(ranks.buffer),
    Buffer.from(values.buffer),
  ]);
}

/** Reads a table; a file that is not one (truncated, another format) gets an error that names it and the fix. */
export function decodeWordVectors(buf: Buffer, source = '(buffer)'): WordVectors {
  const bad = (why: string) => new Error(`${source} is not a usable word-vector table: ${why}; ${REBUILD}`);
  if (buf.length < 20 || buf.toString('ascii', 0, 4) !== VECTORS_MAGIC) throw bad(`it does not start with "${VECTORS_MAGIC}"`);
  const version = buf.readUInt32LE(4);
  if (version !== VECTORS_VERSION) throw bad(`version ${version}, this engine reads version ${VECTORS_VERSION}`);
  const dims = buf.readUInt32LE(8);
  const count = buf.readUInt32LE(12);
  const wordBytes = buf.readUInt32LE(16);
  if (!dims || dims > 4096 || !count) throw bad(`${count} words of ${dims} dimensions`);
  const wordsEnd = 20 + wordBytes;
  const scalesAt = wordsEnd + ((4 - (wordBytes % 4)) % 4);
  const ranksAt = scalesAt + 4 * count;
  const valuesAt = ranksAt + 4 * count;
  const expected = valuesAt + count * dims;
  if (buf.length !== expected) throw bad(`${buf.length} bytes where ${count} words of ${dims} dimensions take ${expected} (truncated?)`);
  const words = buf.toString('utf8', 20, wordsEnd).split('\n');
  if (words.length !== count) throw bad(`${words.length} words listed, the header says ${count}`);
  // Copies: the typed arrays must be aligned and must not keep the file's buffer pool alive.
  const scales = new Float32Array(buf.buffer.slice(buf.byteOffset + scalesAt, buf.byteOffset + ranksAt));
  const ranks = new Uint32Array(buf.buffer.slice(buf.byteOffset + ranksAt, buf.byteOffset + valuesAt));
  const values = new Int8Array(buf.buffer.slice(buf.byteOffset + valuesAt, buf.byteOffset + expected));
  const digest = crypto.createHash('sha256').update(buf).digest('hex');
  return new WordVectors(dims, words, scales, ranks, values, source, digest);
}

export function loadWordVectors(file: string): WordVectors {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (err) {
    throw new Error(`Cannot read the word-vector table ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); ${REBUILD}`);
  }
  return decodeWordVectors(buf, file);
}

/** The shipped table of a language ("en", "pt-br" → pt), or undefined when the project has none for it. */
export function vectorFileFor(language: string): string | undefined {
  const file = path.join(vectorsDir, `${language.split('-')[0].toLowerCase()}-glove-100d.bin`);
  return fs.existsSync(file) ? file : undefined;
}

const loaded = new Map<string, WordVectors>();

/** One table per file per process, shared by every engine that uses it. */
export function vectorsFor(language: string): WordVectors | undefined {
  const file = vectorFileFor(language);
  if (!file) return undefined;
  let v = loaded.get(file);
  if (!v) loaded.set(file, (v = loadWordVectors(file)));
  return v;
}

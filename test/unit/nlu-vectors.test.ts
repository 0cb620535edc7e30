/** The word-vector table: the shipped file loads, a round trip keeps the vectors, a bad file gets a clear error. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeWordVectors, encodeWordVectors, loadWordVectors, vectorFileFor } from '../../src/nlu/local/vectors';

const cos = (a: Float32Array, b: Float32Array) => {
  let d = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    d += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return d / Math.sqrt(na * nb);
};

describe('word vectors', () => {
  const entries = [
    { word: 'the', rank: 0, vector: [0.1, -0.2, 0.3, 0.05] },
    { word: 'amend', rank: 9000, vector: [1.5, 0.2, -0.7, 0.01] },
    { word: 'change', rank: 400, vector: [1.4, 0.3, -0.6, 0.02] },
  ];

  it('a table round-trips within the int8 quantization error', () => {
    const v = decodeWordVectors(encodeWordVectors(entries, 4));
    expect(v.size).toBe(3);
    const amend = v.vectorOf('amend')!;
    entries[1].vector.forEach((x, i) => expect(Math.abs(amend[i] - x)).toBeLessThan(1.5 / 127));
    expect(v.vectorOf('hotel')).toBeUndefined();
  });

  it('the sentence vector has length 1 and frequent words weigh less than rare ones', () => {
    const v = decodeWordVectors(encodeWordVectors(entries, 4));
    const s = v.sentence(['the', 'amend'])!;
    expect(Math.hypot(...s)).toBeCloseTo(1, 5);
    expect(cos(s, v.vectorOf('amend')!)).toBeGreaterThan(0.99);
    expect(v.sentence(['unknown', 'words'])).toBeUndefined();
  });

  it('the shipped English table loads and puts synonyms close', () => {
    const file = vectorFileFor('en');
    expect(file).toBeDefined();
    const v = loadWordVectors(file!);
    expect(v.dims).toBe(100);
    expect(v.size).toBeGreaterThan(30_000);
    const near = cos(v.vectorOf('amend')!, v.vectorOf('change')!);
    const far = cos(v.vectorOf('amend')!, v.vectorOf('banana')!);
    expect(near).toBeGreaterThan(far);
  });

  describe('a bad file gets an error that names it and the fix', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vectors-'));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    const good = encodeWordVectors(entries, 4);

    it.each([
      ['not a table', Buffer.from('{"words": []}'), /bad\.bin is not a usable word-vector table: it does not start with "HBWV"; rebuild it with `npm run vectors:build`/],
      ['truncated', good.subarray(0, good.length - 5), /bad\.bin is not a usable word-vector table: \d+ bytes where 3 words of 4 dimensions take \d+ \(truncated\?\)/],
      ['another version', Buffer.concat([good.subarray(0, 4), Buffer.from([9, 0, 0, 0]), good.subarray(8)]), /version 9, this engine reads version 1/],
    ])('%s', (_name, bytes, message) => {
      const file = path.join(dir, 'bad.bin');
      fs.writeFileSync(file, bytes);
      expect(() => loadWordVectors(file)).toThrow(message);
    });

    it('a missing file', () => {
      expect(() => loadWordVectors(path.join(dir, 'absent.bin'))).toThrow(/Cannot read the word-vector table .*absent\.bin \(ENOENT\); rebuild it/);
    });
  });
});

/**
 * Training (with sentence vectors, ~2× the n-grams alone) and calibration (a few trainings: cross-validation) cost
 * seconds on a busy machine: the trained model and its calibration are kept on disk by the content hash of what
 * they depend on (the phrases, the fallback label, the vector table, the engine's options), so a restart with the
 * same agent reads them back. A changed phrase changes the hash, and the next start trains and calibrates anew.
 * The cache is only a shortcut: an unreadable or unwritable folder means training every start, never an error.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Calibration } from './calibration';
import { IntentClassifier } from './classifier';
import type { WordVectors } from './vectors';

/** Bump when the classifier or the calibration rule changes what a calibration would be. */
export const CALIBRATION_CACHE_VERSION = 5;
export const defaultCacheDir = path.join(os.tmpdir(), 'hotelbot-nlu-cache');

/**
 * The engine's own code (this folder, as built or as source) is part of the key too: a changed feature, classifier
 * or calibration rule retrains even when nobody remembered to bump the version.
 */
let codeFingerprint: string | undefined;
function engineCode(): string {
  if (codeFingerprint === undefined) {
    const h = crypto.createHash('sha256');
    const walk = (dir: string) => {
      for (const name of fs.readdirSync(dir).sort()) {
        const file = path.join(dir, name);
        if (fs.statSync(file).isDirectory()) walk(file);
        else if (/\.(js|ts)$/.test(name) && !name.endsWith('.d.ts')) h.update(name).update(fs.readFileSync(file));
      }
    };
    walk(__dirname);
    codeFingerprint = h.digest('hex');
  }
  return codeFingerprint;
}

export function contentHash(parts: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify([CALIBRATION_CACHE_VERSION, engineCode(), parts])).digest('hex');
}

/** Writes whole then renames: two processes starting at once never read half a file. */
function store(file: string, data: string | Buffer): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch {
    // read-only file system: train again next start
  }
}

export function cachedClassifier(
  key: string,
  train: () => IntentClassifier,
  vectors: WordVectors | undefined,
  dir: string | false = defaultCacheDir,
): IntentClassifier {
  if (dir === false) return train();
  const file = path.join(dir, `model-${key}.bin`);
  try {
    return IntentClassifier.deserialize(fs.readFileSync(file), vectors);
  } catch {
    // absent, unreadable or of another version: train
  }
  const model = train();
  store(file, model.serialize());
  return model;
}

export function cachedCalibration(key: string, compute: () => Calibration, dir: string | false = defaultCacheDir): Calibration {
  if (dir === false) return compute();
  const file = path.join(dir, `calibration-${key}.json`);
  try {
    const c = JSON.parse(fs.readFileSync(file, 'utf8')) as Calibration;
    if (typeof c.threshold === 'number' && c.threshold >= 0 && c.threshold <= 1) return c;
  } catch {
    // absent or unreadable: calibrate
  }
  const c = compute();
  store(file, JSON.stringify(c));
  return c;
}

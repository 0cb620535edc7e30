/**
 * Calibration costs a few trainings (cross-validation), several seconds on a busy machine: it is kept on disk by the
 * content hash of what it depends on (the phrases, the fallback label, the vector table, the engine's options), so a
 * restart with the same agent reads it back in a millisecond. A changed phrase changes the hash and calibrates anew.
 * The cache is only a shortcut: an unreadable or unwritable folder means calibrating every start, never an error.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Calibration } from './calibration';

/** Bump when the classifier or the calibration rule changes what a calibration would be. */
export const CALIBRATION_CACHE_VERSION = 3;
export const defaultCacheDir = path.join(os.tmpdir(), 'hotelbot-nlu-cache');

export function contentHash(parts: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify([CALIBRATION_CACHE_VERSION, parts])).digest('hex');
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
  try {
    fs.mkdirSync(dir, { recursive: true });
    // Written whole then renamed: two processes starting at once never read half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(c));
    fs.renameSync(tmp, file);
  } catch {
    // read-only file system: calibrate again next start
  }
  return c;
}

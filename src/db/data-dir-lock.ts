/**
 * One process at a time on an embedded DATA_DIR. Two processes on the same PGlite files both start, both
 * acknowledge deliveries, and lose half of them (issue 14). The lock is the operating system's own (an
 * open-file-description lock on Linux, flock on macOS, LockFileEx on Windows, through fs-native-extensions), held on
 * an open file for the life of the process: the kernel drops it when the process ends, however it ends (kill -9
 * included), so a crash never leaves a stale lock behind. The file also names the holder for the refusal message.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { tryLock, unlock } from 'fs-native-extensions';

export const LOCK_FILE = 'hotelbot.lock';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: string,
  ) {
    super(
      `DATA_DIR ${dataDir} is in use by another process (${holder}). The embedded database allows one process at a ` +
        'time: stop that process, give this one its own DATA_DIR, or set DATABASE_URL to share a PostgreSQL database between replicas.',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): void;
}

/** Takes the directory's lock, or throws DataDirLockedError naming the process that holds it. */
export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o644);
  let granted: boolean;
  try {
    granted = tryLock(fd);
  } catch (err) {
    fs.closeSync(fd);
    throw new Error(`Could not lock DATA_DIR ${dataDir} (${(err as Error).message}): put DATA_DIR on a local file system.`);
  }
  if (!granted) {
    fs.closeSync(fd);
    throw new DataDirLockedError(dataDir, describeHolder(file));
  }
  // Who holds it, for the next process's message; written only once the lock is ours.
  const holder = `pid ${process.pid} on ${os.hostname()}, since ${new Date().toISOString()}\n`;
  fs.ftruncateSync(fd, 0);
  fs.writeSync(fd, holder, 0);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      try {
        fs.ftruncateSync(fd, 0);
        unlock(fd);
      } finally {
        fs.closeSync(fd);
      }
    },
  };
}

function describeHolder(file: string): string {
  try {
    const text = fs.readFileSync(file, 'utf8').trim();
    return text || 'a process that is still starting';
  } catch {
    return 'unknown process';
  }
}

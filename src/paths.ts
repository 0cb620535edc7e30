/** Where the project's own files are, whether running from src/ (tests) or dist/ (built). */
import * as fs from 'node:fs';
import * as path from 'node:path';

function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return start;
    dir = up;
  }
  return dir;
}

export const projectRoot = findRoot(__dirname);
export const migrationsDir = path.join(projectRoot, 'migrations');
export const defaultAgentDir = path.join(projectRoot, 'intents');
export const defaultHotelConfig = path.join(projectRoot, 'config', 'hotel.yaml');
/** The sandbox's chat page and its static files (served from the sources: they are not compiled). */
export const sandboxPublicDir = path.join(projectRoot, 'src', 'sandbox', 'public');

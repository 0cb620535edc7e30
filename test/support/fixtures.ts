/** Chatwoot's real payload shapes (copied from the shared contract's fixtures). */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const fixturesDir = path.join(__dirname, '..', 'fixtures', 'chatwoot');

export function fixture<T = any>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(fixturesDir, name.endsWith('.json') ? name : `${name}.json`), 'utf8')) as T;
}

export function webhookFixtureNames(): string[] {
  return fs.readdirSync(fixturesDir).filter((f) => f.endsWith('.json') && !f.startsWith('signed_delivery'));
}

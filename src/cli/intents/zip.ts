/** `npm run intents -- zip [DIR] --out FILE.zip`: a zip the Dialogflow console imports or restores. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { zipAgent } from '../../nlu/agent/zip';
import { defaultAgentDir } from '../../paths';
import { parseCommand, usageError } from '../args';

const USAGE = `Usage: npm run intents -- zip [DIR] --out FILE.zip

Zips an agent folder (default intents/) as the Dialogflow console exports it; the console restores or imports it.`;

export async function main(args: string[]): Promise<number> {
  const parsed = parseCommand(args, { usage: USAGE, options: { out: { type: 'string' } } });
  if (!parsed) return 0;
  const { out } = parsed.values;
  if (!out) throw usageError('zip needs --out FILE.zip');
  if (parsed.positionals.length > 1) throw usageError(`zip takes one folder, got ${parsed.positionals.length}`);
  const dir = path.resolve(parsed.positionals[0] ?? defaultAgentDir);
  fs.writeFileSync(out, await zipAgent(dir));
  process.stderr.write(`Wrote ${out} (restore it in the Dialogflow console: Settings → Export and Import → Restore from zip)\n`);
  return 0;
}

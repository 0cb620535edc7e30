/** `npm run intents -- zip [DIR] --out FILE.zip`: a zip the Dialogflow console imports or restores. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { zipAgent } from '../../nlu/agent/zip';
import { defaultAgentDir } from '../../paths';

export async function main(args: string[]): Promise<number> {
  const outIdx = args.indexOf('--out');
  const out = outIdx >= 0 ? args[outIdx + 1] : undefined;
  if (!out) throw new Error('Usage: npm run intents -- zip [DIR] --out FILE.zip');
  const dir = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--out') ?? defaultAgentDir);
  fs.writeFileSync(out, await zipAgent(dir));
  process.stderr.write(`Wrote ${out} (restore it in the Dialogflow console: Settings → Export and Import → Restore from zip)\n`);
  return 0;
}

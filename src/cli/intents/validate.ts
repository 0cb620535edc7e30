/** `npm run intents -- validate [DIR]`: checks an agent folder; errors name file and field. */
import * as path from 'node:path';
import { validateAgent } from '../../nlu/agent/validate';
import { defaultAgentDir } from '../../paths';

export async function main(args: string[]): Promise<number> {
  const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? defaultAgentDir);
  const issues = validateAgent(dir, { requireHotelIntents: path.resolve(dir) === path.resolve(defaultAgentDir) });
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify({ dir, valid: issues.length === 0, issues })}\n`);
  else if (!issues.length) process.stdout.write(`${dir}: valid\n`);
  else for (const i of issues) process.stdout.write(`${i.file}: ${i.field}: ${i.message}\n`);
  return issues.length ? 1 : 0;
}

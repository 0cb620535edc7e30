/** `npm run intents -- validate [DIR]`: checks an agent folder; errors name file and field. */
import * as path from 'node:path';
import { validateAgent } from '../../nlu/agent/validate';
import { defaultAgentDir } from '../../paths';
import { parseCommand, usageError } from '../args';

const USAGE = `Usage: npm run intents -- validate [DIR] [--json]

Checks an agent folder (default intents/); each error names the file and the field. Exit code 1 when there are errors.
  --json  print one JSON object: {"dir", "valid", "issues": [{"file", "field", "message"}]}`;

export async function main(args: string[]): Promise<number> {
  const parsed = parseCommand(args, { usage: USAGE, options: { json: { type: 'boolean' } } });
  if (!parsed) return 0;
  if (parsed.positionals.length > 1) throw usageError(`validate takes one folder, got ${parsed.positionals.length}`);
  const dir = path.resolve(parsed.positionals[0] ?? defaultAgentDir);
  const issues = validateAgent(dir, { requireHotelIntents: path.resolve(dir) === path.resolve(defaultAgentDir) });
  if (parsed.values.json) process.stdout.write(`${JSON.stringify({ dir, valid: issues.length === 0, issues })}\n`);
  else if (!issues.length) process.stdout.write(`${dir}: valid\n`);
  else for (const i of issues) process.stdout.write(`${i.file}: ${i.field}: ${i.message}\n`);
  return issues.length ? 1 : 0;
}

/** `npm run intents -- validate|zip|push|pull|from-jsonl …`: the agent folder's tools. */
import { subcommand } from './args';

const COMMANDS = {
  validate: () => import('./intents/validate'),
  zip: () => import('./intents/zip'),
  push: () => import('./intents/push'),
  pull: () => import('./intents/pull'),
  'from-jsonl': () => import('./intents/from-jsonl'),
};

const USAGE = `Usage:
  npm run intents -- validate [DIR] [--json]                      check an agent folder; errors name file and field
  npm run intents -- zip [DIR] --out FILE.zip                     a zip the Dialogflow console restores
  npm run intents -- push [DIR] | pull [DIR]                      restore into the configured agent and train / export it
  npm run intents -- from-jsonl FILE.jsonl --out DIR [--lang en]  an agent folder from labelled utterances
DIR defaults to intents/. Each command answers --help.`;

export async function main(args: string[]): Promise<number> {
  const command = subcommand(args, Object.keys(COMMANDS) as Array<keyof typeof COMMANDS>, USAGE);
  if (!command) return 0;
  return (await COMMANDS[command.name]()).main(command.rest);
}

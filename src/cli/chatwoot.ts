/** `npm run chatwoot -- provision|replay …`: connecting the bot to a Chatwoot, and judging saved deliveries. */
import { subcommand } from './args';

const COMMANDS = {
  provision: () => import('./chatwoot/provision'),
  replay: () => import('./chatwoot/replay'),
};

const USAGE = `Usage:
  npm run chatwoot -- provision --admin-token T --account A --inbox I --url URL [...]   create and connect the agent bot
  npm run chatwoot -- replay FILE.json [--secret S] [--token T] [--at sent|now|TIME] [--json]   judge a saved delivery
Each command answers --help.`;

export async function main(args: string[]): Promise<number> {
  const command = subcommand(args, Object.keys(COMMANDS) as Array<keyof typeof COMMANDS>, USAGE);
  if (!command) return 0;
  return (await COMMANDS[command.name]()).main(command.rest);
}

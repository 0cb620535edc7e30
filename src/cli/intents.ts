/** `npm run intents -- validate|zip|push|pull|from-jsonl …`: the agent folder's tools. */
const COMMANDS: Record<string, () => Promise<{ main: (args: string[]) => Promise<number> }>> = {
  validate: () => import('./intents/validate'),
  zip: () => import('./intents/zip'),
  push: () => import('./intents/push'),
  pull: () => import('./intents/pull'),
  'from-jsonl': () => import('./intents/from-jsonl'),
};

export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const load = command ? COMMANDS[command] : undefined;
  if (!load) {
    process.stderr.write(
      'Usage: npm run intents -- validate [DIR] | zip [DIR] --out FILE.zip | push | pull | from-jsonl FILE.jsonl --out DIR [--lang en]\n',
    );
    return 2;
  }
  return (await load()).main(rest);
}

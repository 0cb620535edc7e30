/** `intents push` / `pull`: restore the folder into the configured Dialogflow ES agent and train it; export it back. */
import * as path from 'node:path';
import { v2 } from '@google-cloud/dialogflow';
import { loadConfig } from '../../config';
import { clientOptions } from '../../nlu/dialogflow/engine';
import { unzipAgent, zipAgent } from '../../nlu/agent/zip';
import { validateAgent } from '../../nlu/agent/validate';
import { defaultAgentDir } from '../../paths';
import { parseCommand, usageError } from '../args';

function target() {
  const config = loadConfig(process.env, { isTty: false });
  const df = config.nlu.dialogflow;
  if (!df) throw new Error('Set DIALOGFLOW_PROJECT_ID (and GOOGLE_APPLICATION_CREDENTIALS, DIALOGFLOW_LOCATION) to push or pull the agent');
  const parent = df.location !== 'global' ? `projects/${df.projectId}/locations/${df.location}` : `projects/${df.projectId}`;
  return { client: new v2.AgentsClient(clientOptions(df) as never), parent, df };
}

const PUSH_USAGE = `Usage: npm run intents -- push [DIR]

Restores the agent folder (default intents/) into the configured Dialogflow ES agent (DIALOGFLOW_PROJECT_ID,
DIALOGFLOW_LOCATION, GOOGLE_APPLICATION_CREDENTIALS), replacing its intents and entities, and trains it.`;

const PULL_USAGE = `Usage: npm run intents -- pull [DIR]

Exports the configured Dialogflow ES agent into the folder (default intents/); review with git diff, then commit.`;

/** The folder argument, or undefined when --help was asked. */
function folderOf(args: string[], usage: string): string | undefined {
  const parsed = parseCommand(args, { usage, options: {} });
  if (!parsed) return undefined;
  if (parsed.positionals.length > 1) throw usageError(`one folder only, got ${parsed.positionals.length}`);
  return path.resolve(parsed.positionals[0] ?? defaultAgentDir);
}

export async function push(args: string[]): Promise<number> {
  const dir = folderOf(args, PUSH_USAGE);
  if (!dir) return 0;
  const issues = validateAgent(dir);
  if (issues.length) {
    for (const i of issues) process.stderr.write(`${i.file}: ${i.field}: ${i.message}\n`);
    throw new Error('The agent folder has errors: fix them before pushing (npm run intents -- validate)');
  }
  const { client, parent } = target();
  try {
    const agentContent = await zipAgent(dir);
    process.stderr.write(`Restoring ${dir} into ${parent} (this replaces the agent's intents and entities)…\n`);
    const [restore] = await client.restoreAgent({ parent, agentContent });
    await restore.promise();
    process.stderr.write('Training…\n');
    const [train] = await client.trainAgent({ parent });
    await train.promise();
    process.stdout.write(`Pushed and trained ${parent}\n`);
    return 0;
  } finally {
    await client.close();
  }
}

export async function pull(args: string[]): Promise<number> {
  const dir = folderOf(args, PULL_USAGE);
  if (!dir) return 0;
  const { client, parent } = target();
  try {
    const [op] = await client.exportAgent({ parent, agentUri: '' });
    const [response] = await op.promise();
    const content = (response as { agentContent?: Uint8Array }).agentContent;
    if (!content?.length) throw new Error('Dialogflow returned no agent content');
    const files = await unzipAgent(Buffer.from(content), dir);
    process.stdout.write(`Pulled ${parent} into ${dir}: ${files.length} files. Review with git diff, then commit.\n`);
    return 0;
  } finally {
    await client.close();
  }
}

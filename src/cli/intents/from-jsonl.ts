/**
 * `npm run intents -- from-jsonl FILE.jsonl --out DIR [--lang en]`: an agent folder in export layout from labelled
 * utterances: one intent per label; `out_of_scope`/`oos` lines become training phrases of the fallback intent
 * (Dialogflow's negative examples). Any labelled data set can then be trained and evaluated with `nlu eval --agent`.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCommand, usageError } from '../args';

const uuid = (s: string) => {
  const h = createHash('sha1').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const FALLBACK = 'Default Fallback Intent';

const USAGE = `Usage: npm run intents -- from-jsonl FILE.jsonl --out DIR [--lang en]

Builds an agent folder from labelled utterances (one JSON object a line: "text", "intent"): one intent per label;
lines labelled out_of_scope or oos become training phrases of the fallback intent.
  --lang  the language of the utterances (default en)`;

export async function main(args: string[]): Promise<number> {
  const parsed = parseCommand(args, { usage: USAGE, options: { out: { type: 'string' }, lang: { type: 'string', default: 'en' } } });
  if (!parsed) return 0;
  const { out, lang } = parsed.values;
  const [file, ...extra] = parsed.positionals;
  if (!file) throw usageError('from-jsonl needs the FILE.jsonl to read');
  if (extra.length) throw usageError(`unexpected argument ${extra[0]}`);
  if (!out) throw usageError('from-jsonl needs --out DIR');
  const byLabel = new Map<string, string[]>();
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let o: { text?: unknown; intent?: unknown };
      try {
        o = JSON.parse(line);
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
      if (typeof o.text !== 'string' || typeof o.intent !== 'string') throw new Error(`${file}:${i + 1}: needs "text" and "intent" strings`);
      const label = o.intent === 'out_of_scope' || o.intent === 'oos' ? FALLBACK : o.intent;
      byLabel.set(label, [...(byLabel.get(label) ?? []), o.text]);
    });
  if (!byLabel.has(FALLBACK)) byLabel.set(FALLBACK, []);
  fs.mkdirSync(path.join(out, 'intents'), { recursive: true });
  fs.mkdirSync(path.join(out, 'entities'), { recursive: true });
  fs.writeFileSync(path.join(out, 'package.json'), JSON.stringify({ version: '1.0.0' }, null, 2));
  fs.writeFileSync(
    path.join(out, 'agent.json'),
    JSON.stringify({ description: `Built from ${path.basename(file)}`, language: lang, supportedLanguages: [], defaultTimezone: 'UTC', mlMinConfidence: 0.3, displayName: path.basename(out) }, null, 2),
  );
  for (const [label, texts] of [...byLabel.entries()].sort()) {
    const intent = {
      id: uuid(label),
      name: label,
      auto: true,
      contexts: [],
      responses: [{ resetContexts: false, action: label === FALLBACK ? 'input.unknown' : label, affectedContexts: [], parameters: [], messages: [], speech: [] }],
      priority: 500000,
      webhookUsed: false,
      webhookForSlotFilling: false,
      fallbackIntent: label === FALLBACK,
      events: [],
    };
    const safe = label.replace(/[/\\:*?"<>|]/g, '_');
    fs.writeFileSync(path.join(out, 'intents', `${safe}.json`), JSON.stringify(intent, null, 2));
    const phrases = texts.map((t) => ({ id: uuid(`${label}\u0000${t}`), data: [{ text: t, userDefined: false }], isTemplate: false, count: 0, lang, updated: 0 }));
    fs.writeFileSync(path.join(out, 'intents', `${safe}_usersays_${lang}.json`), JSON.stringify(phrases, null, 2));
  }
  process.stderr.write(`Wrote ${byLabel.size} intents to ${out}\n`);
  return 0;
}

/** Checks an agent folder against the export layout; each issue names the file and the field. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ValidationIssue {
  file: string;
  field: string;
  message: string;
}

const SPEC_INTENTS = [
  'booking.create',
  'booking.availability',
  'booking.cancel',
  'booking.modify',
  'booking.status',
  'hotel.amenities',
  'hotel.prices',
  'smalltalk.greeting',
  'smalltalk.goodbye',
  'smalltalk.thanks',
  'agent.handoff',
  'Default Welcome Intent',
  'Default Fallback Intent',
];

export function validateAgent(dir: string, opts: { requireHotelIntents?: boolean } = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (file: string, field: string, message: string) => issues.push({ file, field, message });
  const read = (rel: string): any => {
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, rel), 'utf8'));
    } catch (err) {
      add(rel, '(file)', fs.existsSync(path.join(dir, rel)) ? `is not valid JSON: ${(err as Error).message}` : 'is missing');
      return undefined;
    }
  };
  const agent = read('agent.json');
  if (agent && typeof agent.language !== 'string') add('agent.json', 'language', 'must be a language code such as "en"');
  if (agent && agent.mlMinConfidence !== undefined && !(agent.mlMinConfidence >= 0 && agent.mlMinConfidence <= 1)) add('agent.json', 'mlMinConfidence', 'must be between 0 and 1');
  read('package.json');
  const lang = agent?.language ?? 'en';
  const intentDir = path.join(dir, 'intents');
  const entityDir = path.join(dir, 'entities');
  const entityNames = new Set<string>();
  if (fs.existsSync(entityDir)) {
    for (const f of fs.readdirSync(entityDir).filter((n) => n.endsWith('.json') && !/_entries_[\w-]+\.json$/.test(n))) {
      const e = read(`entities/${f}`);
      if (!e) continue;
      if (typeof e.name !== 'string' || !e.name) add(`entities/${f}`, 'name', 'is required');
      else entityNames.add(e.name);
      const entries = `entities/${f.replace(/\.json$/, '')}_entries_${lang}.json`;
      const list = fs.existsSync(path.join(dir, entries)) ? read(entries) : undefined;
      if (list && !Array.isArray(list)) add(entries, '(root)', 'must be an array of {value, synonyms}');
      for (const [i, x] of (Array.isArray(list) ? list : []).entries()) {
        if (typeof x?.value !== 'string' || !x.value) add(entries, `[${i}].value`, 'is required');
        if (x && x.synonyms !== undefined && !Array.isArray(x.synonyms)) add(entries, `[${i}].synonyms`, 'must be an array of strings');
      }
    }
  }
  const names = new Set<string>();
  if (!fs.existsSync(intentDir)) add('intents/', '(folder)', 'is missing');
  else {
    for (const f of fs.readdirSync(intentDir).filter((n) => n.endsWith('.json') && !/_usersays_[\w-]+\.json$/.test(n))) {
      const rel = `intents/${f}`;
      const intent = read(rel);
      if (!intent) continue;
      if (typeof intent.name !== 'string' || !intent.name) {
        add(rel, 'name', 'is required');
        continue;
      }
      names.add(intent.name);
      const params = new Map<string, string>();
      for (const [ri, r] of (intent.responses ?? []).entries()) {
        for (const [pi, p] of (r.parameters ?? []).entries()) {
          if (typeof p.name !== 'string' || !p.name) add(rel, `responses[${ri}].parameters[${pi}].name`, 'is required');
          if (typeof p.dataType !== 'string' || !p.dataType.startsWith('@')) add(rel, `responses[${ri}].parameters[${pi}].dataType`, 'must be an entity such as @sys.date');
          else if (!p.dataType.startsWith('@sys.') && !entityNames.has(p.dataType.slice(1))) add(rel, `responses[${ri}].parameters[${pi}].dataType`, `names an entity that does not exist: ${p.dataType}`);
          params.set(p.name, p.dataType);
        }
        for (const [mi, m] of (r.messages ?? []).entries()) {
          const type = String(m.type);
          if (!['0', '4', 'message', 'custom_payload', 'text', 'payload', '1', '2', '3'].includes(type)) add(rel, `responses[${ri}].messages[${mi}].type`, `is not a message type the console exports (${type})`);
          if ((type === '4' || type === 'custom_payload') && (typeof m.payload !== 'object' || m.payload === null)) add(rel, `responses[${ri}].messages[${mi}].payload`, 'must be an object');
        }
      }
      const says = `intents/${f.replace(/\.json$/, '')}_usersays_${lang}.json`;
      if (fs.existsSync(path.join(dir, says))) {
        const phrases = read(says);
        for (const [i, p] of (Array.isArray(phrases) ? phrases : []).entries()) {
          if (!Array.isArray(p?.data) || !p.data.length) add(says, `[${i}].data`, 'must be a non-empty array of parts');
          for (const [j, part] of (p?.data ?? []).entries()) {
            if (typeof part?.text !== 'string') add(says, `[${i}].data[${j}].text`, 'is required');
            if (part?.alias && !params.has(part.alias)) add(says, `[${i}].data[${j}].alias`, `"${part.alias}" is not a parameter of ${intent.name}`);
          }
        }
      } else if (!intent.fallbackIntent && !(intent.events ?? []).length) {
        add(says, '(file)', `is missing: ${intent.name} has no training phrases`);
      }
    }
  }
  if (opts.requireHotelIntents) for (const n of SPEC_INTENTS) if (!names.has(n)) add('intents/', n, 'the hotel agent needs this intent (SPEC.md)');
  return issues;
}

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
  // Every language of the agent is checked: the default and each of supportedLanguages, as Dialogflow trains them.
  const CODE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$/i;
  if (agent && agent.supportedLanguages !== undefined && !Array.isArray(agent.supportedLanguages)) add('agent.json', 'supportedLanguages', 'must be an array of language codes such as ["es", "pt-br"]');
  const others: string[] = Array.isArray(agent?.supportedLanguages) ? agent.supportedLanguages : [];
  others.forEach((l, i) => {
    if (typeof l !== 'string' || !CODE.test(l)) add('agent.json', `supportedLanguages[${i}]`, `is not a language code such as "es" or "pt-br": ${JSON.stringify(l)}`);
    else if (l.toLowerCase() === String(lang).toLowerCase()) add('agent.json', `supportedLanguages[${i}]`, `repeats the default language "${lang}": list only the other languages`);
  });
  const languages = [lang, ...others.filter((l) => typeof l === 'string' && CODE.test(l) && l.toLowerCase() !== String(lang).toLowerCase())];
  const known = new Set(languages.map((l) => String(l).toLowerCase()));
  const intentDir = path.join(dir, 'intents');
  const entityDir = path.join(dir, 'entities');
  const entityNames = new Set<string>();
  if (fs.existsSync(entityDir)) {
    for (const f of fs.readdirSync(entityDir).filter((n) => n.endsWith('.json') && !/_entries_[\w-]+\.json$/.test(n))) {
      const e = read(`entities/${f}`);
      if (!e) continue;
      if (typeof e.name !== 'string' || !e.name) add(`entities/${f}`, 'name', 'is required');
      else entityNames.add(e.name);
      for (const l of languages) {
        const entries = `entities/${f.replace(/\.json$/, '')}_entries_${l}.json`;
        const list = fs.existsSync(path.join(dir, entries)) ? read(entries) : undefined;
        if (list && !Array.isArray(list)) add(entries, '(root)', 'must be an array of {value, synonyms}');
        for (const [i, x] of (Array.isArray(list) ? list : []).entries()) {
          if (typeof x?.value !== 'string' || !x.value) add(entries, `[${i}].value`, 'is required');
          if (x && x.synonyms !== undefined && !Array.isArray(x.synonyms)) add(entries, `[${i}].synonyms`, 'must be an array of strings');
        }
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
          if (typeof m.lang === 'string' && !known.has(m.lang.toLowerCase())) add(rel, `responses[${ri}].messages[${mi}].lang`, `"${m.lang}" is not one of the agent's languages (${languages.join(', ')}): add it to supportedLanguages in agent.json`);
        }
      }
      for (const l of languages) {
        const says = `intents/${f.replace(/\.json$/, '')}_usersays_${l}.json`;
        if (fs.existsSync(path.join(dir, says))) {
          const phrases = read(says);
          for (const [i, p] of (Array.isArray(phrases) ? phrases : []).entries()) {
            if (!Array.isArray(p?.data) || !p.data.length) add(says, `[${i}].data`, 'must be a non-empty array of parts');
            if (typeof p?.lang === 'string' && p.lang.toLowerCase() !== l.toLowerCase()) add(says, `[${i}].lang`, `is "${p.lang}" in the file of "${l}": move the phrase to ${intent.name}_usersays_${p.lang}.json`);
            for (const [j, part] of (p?.data ?? []).entries()) {
              if (typeof part?.text !== 'string') add(says, `[${i}].data[${j}].text`, 'is required');
              if (part?.alias && !params.has(part.alias)) add(says, `[${i}].data[${j}].alias`, `"${part.alias}" is not a parameter of ${intent.name}`);
            }
          }
        } else if (!intent.fallbackIntent && !(intent.events ?? []).length) {
          add(says, '(file)', `is missing: ${intent.name} has no training phrases${l === lang ? '' : ` in "${l}" (a language of supportedLanguages)`}`);
        }
      }
    }
  }
  if (opts.requireHotelIntents) for (const n of SPEC_INTENTS) if (!names.has(n)) add('intents/', n, 'the hotel agent needs this intent (SPEC.md)');
  return issues;
}

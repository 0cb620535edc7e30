/** Custom (list) entities such as @room-type: the entry whose value or synonym the text names. */

export interface EntityEntries {
  name: string;
  entries: Array<{ value: string; synonyms: string[] }>;
}

interface Matcher {
  value: string;
  pattern: RegExp;
  length: number;
}

const cache = new WeakMap<EntityEntries, Matcher[]>();

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One synonym as a pattern: case-insensitive, whole words, a plural "s"/"es", hyphen or space between words. */
function synonymPattern(synonym: string): string {
  return synonym
    .trim()
    .toLowerCase()
    .split(/[\s_-]+/)
    .map((w) => `${escape(w)}(?:e?s)?`)
    .join('[\\s-]+');
}

/** Near misses ("dobule", "sweet"): one edit away, for words long enough that one edit is still them. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return a === b;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swapped letters
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function matchers(entity: EntityEntries): Matcher[] {
  let list = cache.get(entity);
  if (!list) {
    list = [];
    for (const entry of entity.entries) {
      for (const s of new Set([entry.value, ...entry.synonyms])) {
        if (!s.trim()) continue;
        list.push({ value: entry.value, pattern: new RegExp(`(?<![\\p{L}\\d])${synonymPattern(s)}(?![\\p{L}\\d])`, 'iu'), length: s.length });
      }
    }
    list.sort((a, b) => b.length - a.length); // "family suite" before "suite"
    cache.set(entity, list);
  }
  return list;
}

/** Words after a room-type word that show it describes something else ("a single night", "double check"). */
const NOT_A_ROOM = /^[\s-]*(?:nights?|days?|weeks?|person|people|guests?|adults?|check|booking|booked|charged?|occupancy\s+rate)\b/i;

export function findEntityValue(text: string, entity: EntityEntries): { value: string; index: number; text: string } | undefined {
  let best: { value: string; index: number; text: string; length: number } | undefined;
  for (const m of matchers(entity)) {
    const found = m.pattern.exec(text);
    if (!found) continue;
    if (NOT_A_ROOM.test(text.slice(found.index + found[0].length))) continue;
    if (!best || found[0].length > best.length || (found[0].length === best.length && found.index < best.index)) {
      best = { value: m.value, index: found.index, text: found[0], length: found[0].length };
    }
  }
  if (best) return { value: best.value, index: best.index, text: best.text };
  // Typos: single words of five letters or more, one edit away from a one-word synonym.
  const words = text.toLowerCase().match(/\p{L}{5,}/gu) ?? [];
  for (const entry of entity.entries) {
    for (const s of [entry.value, ...entry.synonyms]) {
      const target = s.toLowerCase();
      if (target.length < 5 || /\s/.test(target)) continue;
      const hit = words.find((w) => oneEditApart(w, target) || oneEditApart(w.replace(/e?s$/, ''), target));
      if (hit) return { value: entry.value, index: text.toLowerCase().indexOf(hit), text: hit };
    }
  }
  return undefined;
}

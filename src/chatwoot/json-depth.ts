/**
 * How deeply a JSON text nests, read from the raw bytes before parsing. Chatwoot's payloads nest about eight levels;
 * a body nested thousands deep parses in JavaScript but cannot be stored (PostgreSQL's JSON parser stops at its
 * stack limit), which answered 500 and made Chatwoot retry a delivery that can never succeed.
 */

/** Far above anything Chatwoot sends, far below what breaks the database's JSON parser. */
export const MAX_JSON_DEPTH = 64;

/** True when brackets outside strings nest deeper than `max`. Linear, one pass, no allocation. */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}

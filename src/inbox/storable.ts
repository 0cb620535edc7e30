/**
 * What the bot writes to PostgreSQL from a guest's text. PostgreSQL's text and JSONB cannot hold U+0000, and JSONB
 * refuses a lone UTF-16 surrogate (`\ud800` with no partner), both of which a guest (or a client bug) can send:
 * one such message failed every write of its turn and blocked its conversation. The delivery itself is kept as
 * received (its JSON column stores the escapes verbatim); everything derived from it goes through here on its way
 * into the database: NUL removed, a lone surrogate replaced by U+FFFD, as a UTF-8 encoder would.
 */

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function storableText(s: string): string {
  return s.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\ufffd');
}

/** A copy of `value` with every string (keys too) made storable. */
export function storable(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storable);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableText(k), storable(v)]));
  }
  return value;
}

/** JSON for a JSONB column. */
export function storableJson(value: unknown): string {
  return JSON.stringify(storable(value));
}

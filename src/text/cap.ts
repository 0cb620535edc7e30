/**
 * How much of one guest message the service reads. Chatwoot accepts messages up to 150,000 characters; nothing a
 * guest asks a hotel bot needs more than the first few thousand, and every extra character is work on the event
 * loop that other guests' webhooks wait behind. So understanding and logging look at a bounded head of the text,
 * and their patterns are linear in it as well (test/unit/adversarial-text.test.ts).
 */

/** What the embedded engine classifies and extracts from: Dialogflow itself reads only 256 characters. */
export const MAX_UNDERSTOOD_CHARS = 2_000;
/** What a log line keeps of one string value. */
export const MAX_LOGGED_CHARS = 4_000;

/**
 * The first `max` characters of `text`, cut at the last space when there is one in the final tenth (so a word is
 * not split), and never between the two halves of a surrogate pair.
 */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--; // a high surrogate whose partner lies beyond the cut
  const space = text.lastIndexOf(' ', end);
  if (space > end - Math.ceil(max / 10)) end = space;
  return text.slice(0, end);
}

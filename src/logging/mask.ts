/** Guests' emails and phone numbers never reach the logs in clear: keep enough to correlate, hide the rest. */
import { capText, MAX_LOGGED_CHARS } from '../text/cap';

// Both patterns are linear in the text (test/unit/adversarial-text.test.ts). The email search starts only where a run
// of address characters starts, and a phone number is digits joined by separators, so a long run of digits and
// spaces with no end in sight is not scanned again from each of its digits.
const EMAIL = /(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-])[A-Za-z0-9.-]*\.([A-Za-z]{2,})/g;
const PHONE = /\+?\d(?:[ ().-]*\d)+/g;
/** A phone number is at least 8 characters long, 7 of them digits. */
const PHONE_MIN_LENGTH = 8;
// Dates and date ranges look like phone numbers to the pattern above; they are not personal data.
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}( ?- ?\d{4}-\d{2}-\d{2})?$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/;

/** The text with contact details masked; a text over MAX_LOGGED_CHARS keeps its head and says how much was left out. */
export function maskText(text: string): string {
  const head = capText(text, MAX_LOGGED_CHARS);
  const omitted = text.length > head.length ? ` …[+${text.length - head.length} characters]` : '';
  return head
    .replace(EMAIL, (_m, a: string, d: string, tld: string) => `${a}***@${d}***.${tld}`)
    .replace(PHONE, (m) => {
      if (m.length < PHONE_MIN_LENGTH || DATE_LIKE.test(m.trim())) return m;
      const digits = m.replace(/\D/g, '');
      return digits.length >= 7 ? `***${digits.slice(-2)}` : m;
    }) + omitted;
}

const SENSITIVE_KEYS = new Set(['email', 'phone_number', 'phone', 'submitted_email', 'api_access_token', 'secret', 'access_token']);

/** Deep copy of a log payload with sensitive values masked. Keeps the structure, so logs stay searchable. */
export function maskValue(value: unknown, key?: string, depth = 0): unknown {
  if (depth > 8) return '[deep]';
  if (typeof value === 'string') {
    if (key && SENSITIVE_KEYS.has(key)) {
      return key.includes('token') || key === 'secret' ? '[redacted]' : maskText(value).replace(/^(?!.*\*\*\*).+$/, '***');
    }
    return maskText(value);
  }
  if (Array.isArray(value)) return value.map((v) => maskValue(v, undefined, depth + 1));
  if (value && typeof value === 'object') {
    if (value instanceof Error) return { message: maskText(value.message), name: value.name, stack: value.stack };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskValue(v, k, depth + 1);
    return out;
  }
  return value;
}

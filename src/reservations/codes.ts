/**
 * Confirmation codes: 8 characters of Crockford base32, upper case ([0-9A-HJKMNP-TV-Z]{8}), from a CSPRNG:
 * 40 random bits, so not guessable, and short enough to read over the phone.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{8}$/;

export function newConfirmationCode(): string {
  const bytes = randomBytes(5); // 40 bits = 8 × 5 bits
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let code = '';
  for (let i = 7; i >= 0; i--) code += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return code;
}

/** A typed code as Crockford decoding reads it: case-insensitive, O→0, I/L→1, spaces and dashes ignored. */
export function normalizeCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

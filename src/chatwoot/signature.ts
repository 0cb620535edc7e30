/**
 * Chatwoot 4.13+ signs each delivery: `X-Chatwoot-Signature: sha256=<hex HMAC-SHA256(secret, "<ts>.<raw body>")>`.
 * Chatwoot itself has no replay protection, so the timestamp must be recent (±300 s by default).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

export function sign(secret: string, timestamp: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

export function verifySignature(opts: {
  rawBody: Buffer;
  signature?: string;
  timestamp?: string;
  secrets: string[];
  nowSeconds?: number;
  windowSeconds?: number;
}): SignatureCheck {
  const { signature, timestamp } = opts;
  if (!signature || !timestamp) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(timestamp) || !/^sha256=[0-9a-fA-F]{64}$/.test(signature)) return { ok: false, reason: 'malformed' };
  const now = opts.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(timestamp)) > (opts.windowSeconds ?? 300)) return { ok: false, reason: 'stale' };
  const given = Buffer.from(signature.slice('sha256='.length).toLowerCase(), 'hex');
  // Every secret is checked (no early exit), so timing says nothing about which one matched.
  let matched = false;
  for (const secret of opts.secrets) {
    const expected = Buffer.from(sign(secret, timestamp, opts.rawBody).slice('sha256='.length), 'hex');
    if (expected.length === given.length && timingSafeEqual(expected, given)) matched = true;
  }
  return matched ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/** Constant-time comparison for the `?token=` of Chatwoot versions before 4.13. */
export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = createHmac('sha256', 'token').update(given).digest();
  const b = createHmac('sha256', 'token').update(expected).digest();
  return timingSafeEqual(a, b);
}

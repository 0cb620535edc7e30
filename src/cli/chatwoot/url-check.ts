/**
 * Chatwoot (after 4.13) refuses to deliver to an outgoing_url that resolves to a private, loopback or link-local
 * address; a pending conversation is then handed off at the first message. Catch that before provisioning.
 */
import { lookup } from 'node:dns/promises';
import * as net from 'node:net';

export function isPrivateAddress(ip: string): boolean {
  if (net.isIPv4(ip)) {
    const [a, b] = ip.split('.').map(Number);
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  const v6 = ip.toLowerCase();
  if (v6.startsWith('::ffff:')) return isPrivateAddress(v6.slice(7));
  return v6 === '::1' || v6 === '::' || v6.startsWith('fe80') || v6.startsWith('fc') || v6.startsWith('fd');
}

export async function checkOutgoingUrl(url: string): Promise<string[]> {
  const problems: string[] = [];
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [`--url "${url}" is not a URL; use the public address of the bot, e.g. https://bot.hotel.example/webhooks/chatwoot`];
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') problems.push('--url must be http(s)');
  if (url.length > 2048) problems.push('--url is longer than the 2048 characters Chatwoot allows');
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const addresses = net.isIP(host) ? [host] : await lookup(host, { all: true }).then((r) => r.map((x) => x.address)).catch(() => [] as string[]);
  if (!addresses.length) problems.push(`--url host "${host}" does not resolve: use the bot's public DNS name`);
  const bad = addresses.filter(isPrivateAddress);
  if (bad.length) {
    problems.push(
      `--url resolves to a private, loopback or link-local address (${bad.join(', ')}): recent Chatwoot versions refuse to deliver there. Use the bot's public address, or pass --allow-private-url if your Chatwoot allows it (e.g. v4.13.0 on the same Docker network).`,
    );
  }
  if (!/\/webhooks\/chatwoot\/?$/.test(u.pathname)) problems.push('--url should end with /webhooks/chatwoot (the bot route)');
  return problems;
}

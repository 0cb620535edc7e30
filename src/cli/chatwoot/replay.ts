/**
 * `npm run chatwoot -- replay FILE.json [--secret S] [--token T] [--at sent|now|TIME] [--json]`: feeds a saved
 * delivery through the receiver's own `verifyAndParse` and allow-lists and prints the verdict: what the service
 * answered (or would answer) and why. For support work: "why was this delivery refused?", "whose was it?".
 * It stores nothing and sends nothing.
 */
import * as fs from 'node:fs';
import { z } from 'zod';
import { loadConfig } from '../../config';
import { headerOf, ignoredBecause, verifyAndParse, whereOf, type WebhookSettings } from '../../chatwoot/webhook';
import { parseCommand, usageError } from '../args';

const USAGE = `Usage: npm run chatwoot -- replay FILE.json [--secret S] [--token T] [--at sent|now|TIME] [--json]

FILE.json is a saved delivery: {"url": "...?token=…", "headers": {"X-Chatwoot-Signature": …}, "raw_body": "…"}
(the layout of the contract's signed_delivery fixture; "url" matters only with WEBHOOK_TOKEN).
The settings are the service's own (CHATWOOT_WEBHOOK_SECRET, CHATWOOT_SIGNATURE_MODE, WEBHOOK_TOKEN,
CHATWOOT_ACCOUNT_IDS, CHATWOOT_INBOX_IDS), unless given here:
  --secret S   check the signature with this secret (a comma-separated list allows several)
  --token T    the WEBHOOK_TOKEN the URL must carry
  --at WHEN    the clock for the 300 s timestamp window: "sent" (the delivery's own X-Chatwoot-Timestamp, the
               default), "now", seconds since the epoch, or an ISO date
  --json       print one JSON object
Exit code 0 when the delivery is (or would be) acknowledged, 1 when it is refused.`;

const OPTIONS = {
  secret: { type: 'string' },
  token: { type: 'string' },
  at: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const savedDeliverySchema = z.object({
  url: z.string().optional(),
  headers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  raw_body: z.string(),
});

function readDelivery(file: string): z.infer<typeof savedDeliverySchema> {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not JSON (${(err as Error).message})`}`);
  }
  const parsed = savedDeliverySchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${file}: ${first.path.join('.') || '(root)'}: ${first.message} (a saved delivery has "headers" and "raw_body", see --help)`);
  }
  return parsed.data;
}

/** Seconds since the epoch for `--at`. */
function clockOf(at: string, timestampHeader: string | undefined): number {
  if (at === 'now') return Math.floor(Date.now() / 1000);
  if (at === 'sent') return /^\d{1,12}$/.test(timestampHeader ?? '') ? Number(timestampHeader) : Math.floor(Date.now() / 1000);
  if (/^\d{1,12}$/.test(at)) return Number(at);
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw usageError(`--at must be sent, now, seconds since the epoch or an ISO date (got "${at}")`);
  return Math.floor(ms / 1000);
}

export interface ReplayReport {
  verdict: 'accepted' | 'ignored' | 'refused';
  /** The HTTP status the service answers. */
  status: number;
  reason?: string;
  event?: string;
  account?: number;
  inbox?: number;
  conversation?: number;
  deliveryId?: string;
  authenticated?: boolean;
  signed?: boolean;
  warnings: string[];
  checkedAt: string;
}

export function replay(delivery: z.infer<typeof savedDeliverySchema>, settings: WebhookSettings, nowSeconds: number): ReplayReport {
  const checkedAt = new Date(nowSeconds * 1000).toISOString();
  const verdict = verifyAndParse(delivery.headers, Buffer.from(delivery.raw_body, 'utf8'), settings, { url: delivery.url, nowSeconds });
  if (!verdict.ok) return { verdict: 'refused', status: verdict.status, reason: verdict.reason, warnings: [], checkedAt };
  const where = whereOf(verdict.event);
  const common = { ...where, deliveryId: verdict.deliveryId, authenticated: verdict.authenticated, signed: verdict.signed, warnings: verdict.warnings, checkedAt };
  const ignored = ignoredBecause(verdict.event, settings);
  return ignored ? { verdict: 'ignored', status: 200, reason: ignored, ...common } : { verdict: 'accepted', status: 200, ...common };
}

function settingsFrom(o: { secret?: string; token?: string }): WebhookSettings {
  const configured = loadConfig(process.env, { isTty: false }).chatwoot;
  const secrets = o.secret?.split(',').map((s) => s.trim()).filter(Boolean);
  return {
    ...configured,
    ...(secrets?.length ? { webhookSecrets: secrets, signatureMode: 'enforce' as const } : {}),
    ...(o.token ? { webhookToken: o.token } : {}),
  };
}

function describe(r: ReplayReport, settings: WebhookSettings): string {
  const lines = [
    r.verdict === 'refused'
      ? `refused: ${r.status}, ${r.reason}`
      : r.verdict === 'ignored'
        ? `ignored: 200, acknowledged and left alone: ${r.reason}`
        : 'accepted: 200, the service stores it and works on it (a repeat of a stored one answers "duplicate")',
  ];
  if (r.event) {
    const where = [r.account !== undefined && `account ${r.account}`, r.inbox !== undefined && `inbox ${r.inbox}`, r.conversation !== undefined && `conversation ${r.conversation}`].filter(Boolean);
    lines.push(`event: ${r.event}${where.length ? ` (${where.join(', ')})` : ''}`);
    lines.push(`delivery: ${r.deliveryId ?? '(no X-Chatwoot-Delivery)'}`);
    const how = r.signed ? 'signed' : r.authenticated ? 'URL token' : 'not authenticated: its hmac_verified grants nothing';
    lines.push(`authentication: ${how}`);
  }
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  const mode = `CHATWOOT_SIGNATURE_MODE=${settings.signatureMode}${settings.webhookToken ? ', WEBHOOK_TOKEN set' : ''}`;
  lines.push(`checked with ${mode}, clock ${r.checkedAt}`);
  return `${lines.join('\n')}\n`;
}

export async function main(args: string[]): Promise<number> {
  const parsed = parseCommand(args, { usage: USAGE, options: OPTIONS });
  if (!parsed) return 0;
  const { values: o, positionals } = parsed;
  if (positionals.length !== 1) throw usageError(positionals.length ? `replay takes one file, got ${positionals.length}` : 'replay needs the saved delivery FILE.json');
  const delivery = readDelivery(positionals[0]);
  const settings = settingsFrom(o);
  const report = replay(delivery, settings, clockOf(o.at ?? 'sent', headerOf(delivery.headers, 'x-chatwoot-timestamp')));
  process.stdout.write(o.json ? `${JSON.stringify(report)}\n` : describe(report, settings));
  return report.verdict === 'refused' ? 1 : 0;
}

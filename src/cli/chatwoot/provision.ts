/**
 * `npm run chatwoot -- provision --admin-token T --account A --inbox I --url URL [--base-url B] [--name N]
 *  [--platform-token P] [--allow-private-url] [--json]`: creates the agent bot, connects it to the inbox, checks the
 * connection, and prints the environment to set.
 */
import axios from 'axios';
import { parseCommand, usageError } from '../args';
import { checkOutgoingUrl } from './url-check';

const USAGE = `Usage: npm run chatwoot -- provision --admin-token T --account A --inbox I --url https://bot.example/webhooks/chatwoot
         [--base-url https://chat.example] [--name "Hotel concierge"] [--platform-token P] [--allow-private-url] [--json]

Creates the agent bot in Chatwoot, connects it to the inbox, checks the connection, and prints the environment to set.
  --base-url           the Chatwoot installation (default: CHATWOOT_BASE_URL)
  --admin-token        an administrator's access token (Profile settings → Access token)
  --platform-token     create the bot with the platform API instead (a platform app token)
  --allow-private-url  accept a webhook URL on a private, loopback or link-local address
  --json               print one JSON object`;

const OPTIONS = {
  'admin-token': { type: 'string' },
  'platform-token': { type: 'string' },
  account: { type: 'string' },
  inbox: { type: 'string' },
  url: { type: 'string' },
  'base-url': { type: 'string' },
  name: { type: 'string' },
  'allow-private-url': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

function explain(status: number, data: unknown, what: string): string {
  const error = typeof data === 'object' && data && 'error' in data ? String((data as { error: unknown }).error) : JSON.stringify(data ?? '');
  if (status === 401) return `${what}: Chatwoot answered 401 (${error}). Check the token: an administrator's access token (Profile settings → Access token) for --admin-token, a platform app token for --platform-token.`;
  if (status === 404) return `${what}: Chatwoot answered 404 (${error}). Check --account and --inbox (they are in the URL of the inbox settings page).`;
  if (status === 422) return `${what}: Chatwoot refused the request (${error}).`;
  return `${what}: Chatwoot answered ${status} (${error}).`;
}

export async function main(args: string[]): Promise<number> {
  const parsed = parseCommand(args, { usage: USAGE, options: OPTIONS });
  if (!parsed) return 0;
  const { values: o, positionals } = parsed;
  if (positionals.length) throw usageError(`unexpected argument ${positionals[0]}`);
  const baseUrl = (o['base-url'] ?? process.env.CHATWOOT_BASE_URL ?? '').replace(/\/+$/, '');
  const adminToken = o['admin-token'];
  const platformToken = o['platform-token'];
  const account = Number(o.account);
  const inbox = Number(o.inbox);
  const url = o.url;
  const name = o.name ?? 'Hotel concierge';
  const missing = [!baseUrl && '--base-url (or CHATWOOT_BASE_URL)', !adminToken && '--admin-token', !(o.account && Number.isInteger(account)) && '--account', !(o.inbox && Number.isInteger(inbox)) && '--inbox', !url && '--url'].filter(Boolean);
  if (missing.length) throw usageError(`missing or invalid ${missing.join(', ')}`);
  const problems = await checkOutgoingUrl(url!);
  const blocking = o['allow-private-url'] ? problems.filter((p) => !/private, loopback/.test(p)) : problems;
  if (blocking.length) throw new Error(blocking.join('\n'));

  const http = axios.create({ baseURL: baseUrl, timeout: 15000, validateStatus: () => true });
  const admin = { api_access_token: adminToken! };
  let bot: { id: number; access_token?: string; secret?: string };
  if (platformToken) {
    const res = await http.post('/platform/api/v1/agent_bots', { name, description: 'Hotel booking bot', outgoing_url: url, account_id: account }, { headers: { api_access_token: platformToken } });
    if (res.status >= 300) throw new Error(explain(res.status, res.data, 'Creating the bot (platform API)'));
    bot = res.data;
  } else {
    const res = await http.post(`/api/v1/accounts/${account}/agent_bots`, { name, description: 'Hotel booking bot', outgoing_url: url, bot_type: 'webhook', bot_config: {} }, { headers: admin });
    if (res.status >= 300) throw new Error(explain(res.status, res.data, 'Creating the bot'));
    bot = res.data;
  }
  const connect = await http.post(`/api/v1/accounts/${account}/inboxes/${inbox}/set_agent_bot`, { agent_bot: bot.id }, { headers: admin });
  if (connect.status >= 300) throw new Error(explain(connect.status, connect.data, `Connecting bot ${bot.id} to inbox ${inbox}`));
  const check = await http.get(`/api/v1/accounts/${account}/inboxes/${inbox}/agent_bot`, { headers: admin });
  const connected = check.status < 300 && (check.data as { agent_bot?: { id?: number } })?.agent_bot?.id === bot.id;
  if (!connected) throw new Error(`Bot ${bot.id} was created but inbox ${inbox} does not show it as its bot: check the inbox in Chatwoot (Settings → Inboxes → Bot configuration).`);

  const env: Record<string, string> = { CHATWOOT_BASE_URL: baseUrl, CHATWOOT_BOT_TOKEN: bot.access_token ?? '' };
  if (bot.secret) env.CHATWOOT_WEBHOOK_SECRET = bot.secret;
  if (o.json) {
    process.stdout.write(`${JSON.stringify({ bot_id: bot.id, inbox, env, warnings: problems })}\n`);
    return 0;
  }
  const lines = [`Agent bot ${bot.id} "${name}" created and connected to inbox ${inbox}.`, '', 'Set these in the bot\'s environment, then restart it:', ...Object.entries(env).map(([k, v]) => `${k}=${v}`)];
  if (!bot.secret) lines.push('', 'No webhook secret was returned (platform API, or Chatwoot before 4.13). On 4.13+ copy it from the bot settings as CHATWOOT_WEBHOOK_SECRET; before 4.13 set WEBHOOK_TOKEN and add ?token=… to the bot URL.');
  for (const p of problems) lines.push('', `Warning: ${p}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** `npm run chatwoot -- provision` against the sandbox's Chatwoot-compatible API. */
import { main as chatwoot } from '../../src/cli/chatwoot';
import { isPrivateAddress } from '../../src/cli/chatwoot/url-check';
import { SANDBOX_ADMIN_TOKEN } from '../../src/server';
import { startTestService, type TestService } from '../support/service';

describe('provisioning the agent bot', () => {
  let svc: TestService;
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(() => svc.stop());
  beforeEach(() => {
    out = '';
    process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  });
  afterEach(() => {
    process.stdout.write = write;
  });
  const args = (over: Record<string, string> = {}, flags: string[] = ['--allow-private-url', '--json']) => {
    const o = { '--base-url': svc.url, '--admin-token': SANDBOX_ADMIN_TOKEN, '--account': '1', '--inbox': '7', '--url': 'http://127.0.0.1:3000/webhooks/chatwoot', ...over };
    return ['provision', ...Object.entries(o).flat(), ...flags];
  };

  it('creates the bot, connects it to the inbox and prints the environment', async () => {
    expect(await chatwoot(args())).toBe(0);
    const r = JSON.parse(out);
    expect(r.env.CHATWOOT_BASE_URL).toBe(svc.url);
    expect(r.env.CHATWOOT_BOT_TOKEN).toBe(svc.config.chatwoot.botToken);
    expect(r.env.CHATWOOT_WEBHOOK_SECRET).toBe(svc.config.chatwoot.webhookSecrets[0]);
    const check = await fetch(`${svc.url}/api/v1/accounts/1/inboxes/7/agent_bot`, { headers: { api_access_token: SANDBOX_ADMIN_TOKEN } });
    expect((await check.json()).agent_bot.id).toBe(r.bot_id);
  });

  it('says what to fix for a wrong token, an unknown inbox, and a URL Chatwoot will refuse', async () => {
    await expect(chatwoot(args({ '--admin-token': 'wrong' }))).rejects.toThrow(/401.*Invalid Access Token.*administrator/s);
    await expect(chatwoot(args({ '--inbox': '999' }))).rejects.toThrow(/404.*--account and --inbox/s);
    await expect(chatwoot(args({}, ['--json']))).rejects.toThrow(/private, loopback or link-local/);
    await expect(chatwoot(args({ '--url': 'http://169.254.169.254/webhooks/chatwoot' }, ['--json']))).rejects.toThrow(/169\.254\.169\.254/);
  });

  it('recognises private, loopback and link-local addresses', () => {
    for (const ip of ['10.1.2.3', '127.0.0.1', '169.254.1.1', '172.20.0.5', '192.168.1.10', '::1', 'fe80::1', 'fd00::1']) expect(isPrivateAddress(ip)).toBe(true);
    for (const ip of ['8.8.8.8', '172.32.0.1', '2a00:1450::1']) expect(isPrivateAddress(ip)).toBe(false);
  });
});

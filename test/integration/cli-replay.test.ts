/**
 * `npm run chatwoot -- replay FILE`: a saved delivery through the receiver's own verifyAndParse, run as the command
 * an operator runs (a real process, the built dist/), on the contract's signed delivery.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../../src/paths';
import { ensureBuilt } from '../support/process';
import { fixturesDir } from '../support/fixtures';

const saved = path.join(fixturesDir, 'signed_delivery.message_created.json');
const secret = (JSON.parse(fs.readFileSync(saved, 'utf8')) as { agent_bot_secret: string }).agent_bot_secret;

function replay(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'run.js'), 'cli/chatwoot', 'replay', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run chatwoot -- replay', () => {
  beforeAll(() => ensureBuilt());

  it('accepts the signed delivery at the time it was sent, and says whose it is', () => {
    const r = replay([saved, '--secret', secret, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ verdict: 'accepted', status: 200, event: 'message_created', account: 1, inbox: 7, conversation: 42, signed: true });
  });

  it('refuses it today (outside the 300 s window) and with the wrong secret, exit code 1, reason in words', () => {
    const stale = replay([saved, '--secret', secret, '--at', 'now']);
    expect(stale.code).toBe(1);
    expect(stale.out).toMatch(/^refused: 401, signature stale/);
    const wrong = replay([saved, '--secret=another-secret']);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/mismatch; verify that the agent bot secret in Chatwoot matches CHATWOOT_WEBHOOK_SECRET/);
  });

  it("uses the service's own settings: the secret and the allow-lists from the environment", () => {
    const r = replay([saved, '--json'], { CHATWOOT_WEBHOOK_SECRET: secret, CHATWOOT_INBOX_IDS: '8,9' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ verdict: 'ignored', reason: 'inbox 7 is outside CHATWOOT_INBOX_IDS' });
  });

  it('says what a saved delivery must hold when the file is not one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-replay-'));
    try {
      const file = path.join(dir, 'body-only.json');
      fs.writeFileSync(file, JSON.stringify({ event: 'message_created' }));
      const r = replay([file]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/body-only\.json: headers: .*"headers" and "raw_body"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

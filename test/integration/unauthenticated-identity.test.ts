/**
 * Chatwoot marks a contact `hmac_verified` when the hotel's website signed its identity; the bot then lets that
 * contact manage its bookings by email alone. A payload anyone could have posted must not grant that: only a
 * delivery that proved it comes from Chatwoot (signature or URL token) is believed (issue 14, High 3).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sign } from '../../src/chatwoot/signature';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logging/logger';
import { defaultHotelConfig } from '../../src/paths';
import { loadHotels } from '../../src/reservations/hotel-file';
import { SqlReservationStore } from '../../src/reservations/sql-store';
import { startService, type RunningService } from '../../src/server';
import { startChatwootStub } from '../support/chatwoot-stub';
import { daysAfterTestToday, testClock } from '../support/clock';
import { fixture } from '../support/fixtures';

const SECRET = 'identity-test-secret-0123456789';
const VICTIM = 'someone.else@example.com';

async function withService(env: Record<string, string>, run: (svc: RunningService, stub: Awaited<ReturnType<typeof startChatwootStub>>, code: string) => Promise<void>) {
  const stub = await startChatwootStub();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-identity-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CHATWOOT_BASE_URL: stub.url, CHATWOOT_BOT_TOKEN: 'tok', AGENT_ASSIST: 'off', ...env }, { isTty: false });
  const clock = testClock();
  const svc = await startService(config, { logger: silentLogger(), clock });
  try {
    const reservations = new SqlReservationStore(svc.db, loadHotels(defaultHotelConfig), { now: () => clock.now() });
    const booking = await reservations.create({
      hotelId: 'miramar',
      roomTypeId: 'double',
      rooms: 1,
      checkin: daysAfterTestToday(31),
      checkout: daysAfterTestToday(34),
      guests: 2,
      guest: { name: 'Someone Else', email: VICTIM },
      idempotencyKey: 'identity-test',
    });
    await run(svc, stub, booking.code);
  } finally {
    await svc.close();
    await stub.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A guest message whose payload claims a website-verified contact with the victim's email. */
function claimingVictim(conversationId: number, text: string): string {
  const body = fixture('message_created.incoming.json');
  body.id = 90_000 + conversationId;
  body.content = text;
  body.conversation.id = conversationId;
  body.conversation.messages[0].id = body.id;
  body.conversation.meta.sender.email = VICTIM;
  body.conversation.meta.hmac_verified = true;
  body.conversation.contact_inbox.hmac_verified = true;
  body.sender.email = VICTIM;
  return JSON.stringify(body);
}

async function post(url: string, raw: string, secret?: string): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-chatwoot-delivery': `d-${Math.random()}` };
  if (secret) {
    const ts = String(Math.floor(Date.now() / 1000));
    headers['x-chatwoot-timestamp'] = ts;
    headers['x-chatwoot-signature'] = sign(secret, ts, raw);
  }
  const res = await fetch(`${url}/webhooks/chatwoot`, { method: 'POST', body: raw, headers });
  await res.arrayBuffer();
  return res.status;
}

/** Every stored event processed and every Chatwoot call made. */
async function settled(svc: RunningService): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const [r] = await svc.db.query<{ n: number }>(
      'SELECT ((SELECT count(*) FROM inbox_events WHERE processed_at IS NULL) + (SELECT count(*) FROM outbox WHERE done_at IS NULL))::int AS n',
    );
    if (Number(r.n) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the queue did not drain');
}

describe('hmac_verified is believed only from authenticated deliveries', () => {
  it('unsigned (CHATWOOT_SIGNATURE_MODE=off): another guest’s email lists nothing and cancels nothing', async () => {
    await withService({ CHATWOOT_SIGNATURE_MODE: 'off' }, async (svc, stub, code) => {
      const ready = (await (await fetch(`${svc.url}/readyz`)).json()) as { warnings?: string[] };
      expect(ready.warnings?.join('\n')).toMatch(/not authenticated/);
      expect(await post(svc.url, claimingVictim(801, 'I want to cancel my booking'))).toBe(200);
      await stub.until(() => stub.messages.some((m) => m.conversationId === 801 && !m.private), 'the bot’s answer');
      expect(await post(svc.url, claimingVictim(801, 'yes'))).toBe(200);
      await settled(svc);
      const said = stub.messages.filter((m) => m.conversationId === 801).map((m) => m.content).join('\n');
      expect(said).not.toContain(code);
      expect(said).toMatch(/confirmation code/i);
      const rows = await svc.db.query<{ status: string }>('SELECT status FROM bookings WHERE code = $1', [code]);
      expect(rows[0].status).not.toBe('cancelled');
    });
  });

  it('signed: the same payload lets the verified contact manage its booking by email', async () => {
    await withService({ CHATWOOT_WEBHOOK_SECRET: SECRET }, async (svc, stub, code) => {
      expect(await post(svc.url, claimingVictim(802, 'I want to cancel my booking'), SECRET)).toBe(200);
      await stub.until(() => stub.messages.some((m) => m.conversationId === 802 && m.content.includes(code)), 'the booking offered for cancelling');
    });
  });
});

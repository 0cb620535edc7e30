/**
 * One service for two hotels, each on its own inbox (issue 14, Low: "a booking look-up ignores hotel_id"). A guest
 * writing to hotel B with hotel A's code — from the very contact that booked, with the right email — finds nothing
 * there: the booking cannot be seen, changed or cancelled from B's inbox. From A's inbox the same words find it.
 * Played against the real service and a Chatwoot stub, on the embedded database and on PostgreSQL.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { sign } from '../../src/chatwoot/signature';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logging/logger';
import { projectRoot } from '../../src/paths';
import { loadHotels } from '../../src/reservations/hotel-file';
import { SqlReservationStore } from '../../src/reservations/sql-store';
import { startService } from '../../src/server';
import { startChatwootStub } from '../support/chatwoot-stub';
import { daysAfterTestToday, testClock } from '../support/clock';
import { createPostgresDatabase, databaseKinds } from '../support/db';
import { drained } from '../support/drain';
import { fixture } from '../support/fixtures';

/** A stay a month after the test day, whatever TEST_TODAY says. */
const STAY = { checkin: daysAfterTestToday(31), checkout: daysAfterTestToday(34) };

const SECRET = 'hotel-scope-secret-0123456789';
const HOTEL_A = { id: 'miramar', inbox: 7 };
const HOTEL_B = { id: 'casa-do-rio', inbox: 8 };
const GUEST = { name: 'Maria Lopez', email: 'maria.lopez@example.com', contactId: 118 }; // the fixture's contact

/** The demo hotel on inbox 7 and the corpus hotel on inbox 8, as one hotel file. */
function twoHotelFile(dir: string): string {
  const miramar = parse(fs.readFileSync(path.join(projectRoot, 'config', 'hotel.yaml'), 'utf8')).hotels[0];
  const casa = parse(fs.readFileSync(path.join(projectRoot, 'test', 'conversations', 'hotels', 'casa-do-rio.yaml'), 'utf8'));
  const file = path.join(dir, 'hotels.json');
  fs.writeFileSync(file, JSON.stringify({ hotels: [{ ...miramar, inbox_ids: [HOTEL_A.inbox] }, { ...casa, inbox_ids: [HOTEL_B.inbox] }] }));
  return file;
}

let messageId = 90_000;
/** The guest's message in `conversationId` of `inbox`, signed as Chatwoot 4.13 delivers it, in English. */
function guestWrites(inbox: number, conversationId: number, text: string): { raw: string; headers: Record<string, string> } {
  const body = fixture('message_created.incoming.json');
  body.id = ++messageId;
  body.content = text;
  body.inbox.id = inbox;
  body.conversation.id = conversationId;
  body.conversation.inbox_id = inbox;
  body.conversation.additional_attributes.browser_language = 'en';
  body.conversation.updated_at += messageId - 90_000;
  body.conversation.messages[0] = { ...body.conversation.messages[0], id: messageId, content: text, inbox_id: inbox, conversation_id: conversationId };
  const raw = JSON.stringify(body);
  const ts = String(Math.floor(Date.now() / 1000));
  return { raw, headers: { 'content-type': 'application/json', 'x-chatwoot-delivery': `scope-${messageId}`, 'x-chatwoot-timestamp': ts, 'x-chatwoot-signature': sign(SECRET, ts, raw) } };
}

describe.each(databaseKinds)('two hotels on one service (%s)', (kind) => {
  it("hotel A's booking cannot be found, changed or cancelled from hotel B's inbox", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-scope-'));
    const pg = kind === 'postgres' ? await createPostgresDatabase() : undefined;
    const stub = await startChatwootStub();
    const hotelFile = twoHotelFile(dir);
    const env = { PORT: '0', HOST: '127.0.0.1', CHATWOOT_BASE_URL: stub.url, CHATWOOT_BOT_TOKEN: 'tok', CHATWOOT_WEBHOOK_SECRET: SECRET, AGENT_ASSIST: 'off', HOTEL_CONFIG: hotelFile };
    const config = loadConfig({ ...env, ...(pg ? { DATABASE_URL: pg.url } : { DATA_DIR: path.join(dir, 'data') }) }, { isTty: false });
    const clock = testClock();
    const svc = await startService(config, { logger: silentLogger(), clock });
    try {
      const store = new SqlReservationStore(svc.db, loadHotels(hotelFile), { now: () => clock.now() });
      const booking = await store.create({
        hotelId: HOTEL_A.id,
        roomTypeId: 'double',
        rooms: 1,
        checkin: STAY.checkin,
        checkout: STAY.checkout,
        guests: 2,
        guest: { name: GUEST.name, email: GUEST.email },
        origin: { accountId: 1, contactId: GUEST.contactId },
        idempotencyKey: 'hotel-scope',
      });
      /** What the bot answered in public to one guest message. */
      const say = async (inbox: number, conversationId: number, text: string): Promise<string> => {
        const before = stub.messages.length;
        const d = guestWrites(inbox, conversationId, text);
        expect((await fetch(`${svc.url}/webhooks/chatwoot`, { method: 'POST', body: d.raw, headers: d.headers })).status).toBe(200);
        await stub.until(() => stub.messages.length > before, `an answer to "${text}"`);
        await drained(svc.url);
        return stub.messages.slice(before).filter((m) => m.conversationId === conversationId && !m.private).map((m) => m.content).join('\n');
      };

      // Hotel B's inbox: the contact that booked, the code, then the right email: no such booking here.
      expect(await say(HOTEL_B.inbox, 801, `I want to cancel my booking ${booking.code}`)).toMatch(/email address the booking was made with/);
      expect(await say(HOTEL_B.inbox, 801, GUEST.email)).toMatch(/could not find a booking with that code and email/);
      expect(await say(HOTEL_B.inbox, 802, `I need to change the dates of booking ${booking.code}, email ${GUEST.email}`)).toMatch(/could not find a booking/);
      expect(await say(HOTEL_B.inbox, 803, `what's the status of my reservation ${booking.code}? ${GUEST.email}`)).toMatch(/could not find a booking/);
      expect(await store.find({ hotelId: HOTEL_A.id, code: booking.code, email: GUEST.email })).toMatchObject({ status: 'confirmed', ...STAY });

      // Hotel A's inbox: the same words find it.
      expect(await say(HOTEL_A.inbox, 804, `I want to cancel my booking ${booking.code}`)).toMatch(/Do you really want to cancel/);
    } finally {
      await svc.close();
      await stub.close();
      await pg?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

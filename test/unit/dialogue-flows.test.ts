/**
 * The dialogue's flows on their own, turn by turn: a scripted NLU port (the intent and its confidence are the test's
 * input; the parameters come from the real extractor), the real SQL store on the embedded database, and a fixed
 * clock (Wednesday 2027-03-10). Each case asserts what was stored, said or handed off.
 */
import * as path from 'node:path';
import { HotelDialogue } from '../../src/dialogue/hotel-dialogue';
import type { ConversationInfo, Decision, GuestInput, Reply } from '../../src/dialogue/port';
import { extractParameters } from '../../src/nlu/local/extract';
import { FALLBACK_INTENT, type NluEngine, type NluQuery, type NluResult } from '../../src/nlu/port';
import { loadHotels } from '../../src/reservations/hotel-file';
import { SqlReservationStore } from '../../src/reservations/sql-store';
import { projectRoot } from '../../src/paths';
import { testClock } from '../support/clock';
import { openTestDatabase, type TestDatabase } from '../support/db';

const TODAY = '2027-03-10';
const clock = testClock(TODAY);
const [hotel] = loadHotels(path.join(projectRoot, 'test', 'conversations', 'hotels', 'casa-do-rio.yaml'));
const ROOM_TYPES = { name: 'room-type', entries: hotel.room_types.map((r) => ({ value: r.id, synonyms: [r.id, r.name, r.name.toLowerCase()] })) };

/** Which intent the classifier "says" for a message: the first pattern that matches, else the fallback. */
type Script = Array<[RegExp, string, number]>;
class ScriptedNlu implements NluEngine {
  readonly name = 'local' as const;
  readonly languages = ['en'];
  script: Script = [];
  async detect(q: NluQuery): Promise<NluResult> {
    const [, intent, confidence] = this.script.find(([re]) => re.test(q.text ?? '')) ?? [/./, FALLBACK_INTENT, 0.9];
    const expecting = q.contexts?.[0]?.name.replace(/^awaiting_/, '');
    const { normalized } = extractParameters(q.text ?? '', { referenceDate: q.referenceDate ?? TODAY, timeZone: q.timeZone ?? 'UTC', params: [], entities: [ROOM_TYPES], expecting });
    return {
      intent,
      confidence,
      isFallback: intent === FALLBACK_INTENT,
      parameters: normalized,
      allRequiredParamsPresent: true,
      messages: [],
      outputContexts: [],
      engine: 'local',
      languageCode: 'en',
      threshold: 0.48,
    };
  }
  ready = () => true;
  close = async () => undefined;
}

const said = (d: Decision) => d.replies.map((r: Reply) => ('text' in r ? r.text : '') + ('options' in r ? ` [${r.options.map((o) => o.title).join(' | ')}]` : '')).join('\n');

describe('dialogue flows (scripted NLU, real store, fixed clock)', () => {
  let db: TestDatabase;
  let store: SqlReservationStore;
  const nlu = new ScriptedNlu();
  let dialogue: HotelDialogue;
  let conversation = 0;

  beforeAll(async () => {
    db = await openTestDatabase('embedded');
    store = new SqlReservationStore(db.db, [hotel], { now: () => clock.now() });
    dialogue = new HotelDialogue({ nlu, reservations: store, hotelFor: () => hotel, clock });
  });
  afterAll(() => db.drop());

  /** A new conversation: `say` plays one guest message and returns the bot's decision. */
  function chat(channel: ConversationInfo['channel'] = 'whatsapp') {
    let state: unknown;
    const info: ConversationInfo = {
      accountId: 1,
      conversationId: ++conversation,
      inboxId: 1,
      channel,
      contact: { id: 5000 + conversation, verified: false },
      language: 'en',
      status: 'pending',
    };
    const play = async (input: GuestInput) => {
      const d = await dialogue.handle(input, info, state);
      state = d.state;
      return d;
    };
    return { say: (text: string) => play({ kind: 'message', text, hasAttachments: false, messageId: 1 }), play };
  }
  const book = (checkin: string, checkout: string, over: Partial<Parameters<SqlReservationStore['create']>[0]> = {}) =>
    store.create({ hotelId: hotel.id, roomTypeId: 'double', rooms: 1, checkin, checkout, guests: 2, guest: { name: 'Ana Reis', email: 'ana.reis@example.com' }, idempotencyKey: `seed-${Math.random()}`, ...over });

  it('a change guessed just under the threshold acts when the message carries a confirmation code', async () => {
    const b = await book('2027-04-02', '2027-04-04');
    nlu.script = [[/move it/, 'booking.modify', 0.47]];
    const d = await chat().say(`booking ${b.code}, ana.reis@example.com. can you move it to the same days the week after?`);
    expect(said(d)).toContain('Fri, 9 Apr 2027');
    expect(said(d)).toContain('Sun, 11 Apr 2027');
    expect((await store.find({ hotelId: hotel.id, code: b.code, email: 'ana.reis@example.com' }))?.checkin).toBe('2027-04-02'); // quoted, not changed
  });

  it('without a code, the same guess under the threshold is not acted on', async () => {
    nlu.script = [[/move it/, 'booking.modify', 0.47]];
    const d = await chat().say('can you move it to the same days the week after?');
    expect(said(d)).not.toMatch(/Apr 2027/);
    expect(said(d)).toMatch(/another way|not sure/i);
  });

  it('"3 nights instead of 2" after booking is quoted from the same arrival', async () => {
    const b = await book('2027-03-19', '2027-03-21');
    nlu.script = [[/nights instead/, 'booking.modify', 0.9]];
    const d = await chat().say(`reservation ${b.code} ana.reis@example.com can we make it 3 nights instead of 2?`);
    expect(said(d)).toContain('Fri, 19 Mar 2027');
    expect(said(d)).toContain('Mon, 22 Mar 2027');
  });

  it('"make it the 23rd instead of the 22nd" moves the departure of the stay being booked', async () => {
    nlu.script = [[/twin from/, 'booking.create', 0.9], [/instead/, 'booking.create', 0.9]];
    const c = chat();
    await c.say('twin from the 20th to the 22nd, 2 people');
    const d = await c.say('make it the 23rd instead of the 22nd');
    expect(said(d)).toContain('Sat, 20 Mar 2027');
    expect(said(d)).toContain('Tue, 23 Mar 2027');
  });

  it('after a wrong email, the corrected email alone finds the booking (the code is kept)', async () => {
    const b = await book('2027-03-26', '2027-03-28', { guest: { name: 'Maya Cohen', email: 'maya.cohen@example.com' } });
    nlu.script = [[/is it confirmed/, 'booking.status', 0.9]];
    const c = chat();
    await c.say(`booking ${b.code} please, is it confirmed?`);
    const wrong = await c.say('maya.cohen@exmaple.com');
    expect(said(wrong)).not.toContain('26 Mar 2027');
    const right = await c.say('sorry maya.cohen@example.com');
    expect(said(right)).toContain(b.code);
    expect(said(right)).toContain('Fri, 26 Mar 2027');
  });

  it('a mix of room types is booked as asked, each type with the guests it holds', async () => {
    nlu.script = [[/doubles and/, 'booking.create', 0.9], [/^yes/, 'booking.create', 0.9]];
    const c = chat();
    await c.say('3 doubles and 2 singles for 7 of us, 5 to 7 may');
    await c.say('Ines Lobo');
    await c.say('ines.lobo@example.com');
    const d = await c.say('yes please confirm');
    expect(said(d)).toMatch(/confirmed/i);
    const mine = await store.listByGuest(hotel.id, { email: 'ines.lobo@example.com' });
    expect(mine.map((m) => [m.roomTypeId, m.rooms, m.guests]).sort()).toEqual([
      ['double', 3, 5],
      ['single', 2, 2],
    ]);
  });

  it('a mix that does not hold the party is explained, and nothing of it is booked', async () => {
    nlu.script = [[/double and/, 'booking.create', 0.9]];
    const d = await chat().say('a double and a single for 5 people, 12 to 14 may');
    expect(said(d)).toContain('hold 3 guests, not 5');
    expect(said(d)).not.toMatch(/who is the booking for|what name/i);
  });

  it('a mix with a type short of rooms says how many are free and offers what fits', async () => {
    await book('2027-05-20', '2027-05-22', { roomTypeId: 'single', rooms: 3, guests: 3 }); // every single taken
    nlu.script = [[/doubles and/, 'booking.create', 0.9]];
    const d = await chat().say('2 doubles and 2 singles for 6 people, 20 to 22 may');
    expect(said(d)).toMatch(/Classic Single is sold out/);
    expect(said(d)).not.toMatch(/no rooms for your party/);
  });

  it('a typed "yes please confirm" books the summary', async () => {
    nlu.script = [[/double for 2/, 'booking.create', 0.9]];
    const c = chat();
    await c.say('double for 2 from 15 to 17 march');
    await c.play({ kind: 'submission', values: [{ name: 'name', value: 'Rui Sousa' }, { name: 'email', value: 'rui.sousa@example.com' }], sourceMessageId: 1 });
    const d = await c.say('yes please confirm');
    expect(said(d)).toMatch(/confirmed/i);
    const mine = await store.listByGuest(hotel.id, { email: 'rui.sousa@example.com' });
    expect(mine.map((m) => [m.roomTypeId, m.checkin, m.checkout, m.guests])).toEqual([['double', '2027-03-15', '2027-03-17', 2]]);
  });

  it('beside the details form, a name typed as a name is taken, and small talk is not', async () => {
    nlu.script = [[/double for 2/, 'booking.create', 0.9], [/^thanks$/, 'smalltalk.thanks', 0.9]];
    const c = chat('web_widget');
    await c.say('double for 2 from 15 to 17 march');
    await c.say('thanks');
    // "thanks" was not taken for a name: with the email alone, the bot still asks who the booking is for.
    const emailOnly = await c.say('lucia.fernandez@example.com');
    expect(said(emailOnly)).not.toMatch(/Please check your booking/);
    await c.say('Lucía Fernández');
    const d = await c.say('lucia.fernandez@example.com');
    expect(said(d)).toContain('Lucía Fernández, lucia.fernandez@example.com');
  });
  describe('information, handoff and agent assist', () => {
    it('a hotel question is answered from the hotel file, and a booking under way goes on after it', async () => {
      nlu.script = [[/double for 2/, 'booking.create', 0.9], [/breakfast/, 'hotel.amenities', 0.9]];
      const c = chat();
      await c.say('double for 2 from 15 to 17 march');
      const d = await c.say('is breakfast included?');
      expect(said(d)).toContain('Breakfast is included in every rate');
      const after = await c.say('Rui Sousa');
      expect(said(after)).toMatch(/email/i); // the name was taken: the booking went on where it was
    });

    it("a price for named nights is the hotel file's dated rate", async () => {
      nlu.script = [[/price/, 'hotel.prices', 0.9]];
      const d = await chat().say("price of the suite on new year's eve");
      expect(said(d)).toContain('395');
    });

    it('asking for a person hands off with a note holding the draft and the contact', async () => {
      nlu.script = [[/twin/, 'booking.create', 0.9], [/person/, 'agent.handoff', 0.9]];
      const c = chat();
      await c.say('twin for 2 from 19 to 21 march');
      const d = await c.say('can I talk to a person please');
      expect(d.handoff?.reason).toBe('guest_request');
      expect(d.handoff?.note).toContain('Twin Room');
      expect(d.handoff?.note).toMatch(/19 Mar 2027/);
    });

    it('agent assist writes a note for staff with the booking the guest names, and nothing for small talk', async () => {
      const b = await book('2027-06-01', '2027-06-03', { guest: { name: 'Olga Berg', email: 'olga.berg@example.com' } });
      nlu.script = [[/booking/, 'booking.status', 0.9], [/^ok/, 'smalltalk.thanks', 0.9]];
      const info: ConversationInfo = { accountId: 1, conversationId: 9001, inboxId: 1, channel: 'whatsapp', contact: { id: 77, verified: false, email: 'olga.berg@example.com' }, language: 'en', status: 'open' };
      const note = await dialogue.assist!(`my booking ${b.code}, can you add a cot?`, info);
      expect(note).toContain(b.code);
      expect(note).toContain('Olga Berg');
      expect(await dialogue.assist!('ok thank you', info)).toBeUndefined();
      // Another contact with another email does not get the booking into a note.
      const stranger = { ...info, contact: { id: 78, verified: false, email: 'someone@example.com' } };
      expect(await dialogue.assist!(`my booking ${b.code}`, stranger)).toBeUndefined();
    });
  });
});

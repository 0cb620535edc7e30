/**
 * Guests in Spanish, Portuguese, German and French (issue 17): in each language they book, look up, change and
 * cancel a booking and ask for a person, on the demo hotel (its texts in all five languages). Each conversation
 * asserts the outcome (the booking stored, changed, cancelled; the handoff and its note) and that every bot reply
 * with words of its own is in the guest's language (`replies_in`). "Today" is pinned to Wednesday 2027-03-10,
 * whatever TEST_TODAY says, because "3/4" and "12.03." are written against that day.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadHotels } from '../../src/reservations/hotel-file';
import { SqlReservationStore } from '../../src/reservations/sql-store';
import { testClock } from '../support/clock';
import { startTestService, type TestService } from '../support/service';
import { loadDialogues, play, type Dialogue, type PlayContext } from './runner';

const HOTEL_FILE = path.join(__dirname, '..', '..', 'config', 'hotel.yaml');
const DIR = path.join(__dirname, 'languages');
const TODAY = '2027-03-10';

const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
const dialogues: Array<[string, Dialogue]> = files.flatMap((f) => loadDialogues(path.join(DIR, f)).map((d) => [`${f}: ${d.name}`, d] as [string, Dialogue]));

describe('guests in their own language (real service, sandbox Chatwoot, embedded database)', () => {
  let svc: TestService;
  let ctx: PlayContext;
  beforeAll(async () => {
    svc = await startTestService({ HOTEL_CONFIG: HOTEL_FILE }, { clock: testClock(TODAY) });
    const hotels = loadHotels(HOTEL_FILE);
    const clock = testClock(TODAY);
    ctx = { store: new SqlReservationStore(svc.db, hotels, { now: () => clock.now() }), hotelId: hotels[0].id };
  }, 300_000); // training the embedded NLU engine in five languages can take minutes on a busy machine
  afterAll(() => svc?.stop());

  it('covers book, look up, change, cancel and handoff in each of es, pt, de and fr', () => {
    const covered = dialogues.map(([, d]) => `${d.replies_in}:${d.class}`);
    for (const lang of ['es', 'pt', 'de', 'fr']) for (const what of ['book', 'lookup', 'change', 'cancel', 'handoff']) expect(covered).toContain(`${lang}:${what}`);
  });

  it.each(dialogues)('%s', async (_name, dialogue) => {
    await play(svc, dialogue, ctx);
  });
});

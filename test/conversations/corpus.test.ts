/**
 * The conversation corpus (issue 13): guests writing the way guests write, on a hotel file the product has never
 * seen (hotels/casa-do-rio.yaml). Every conversation asserts an outcome: the bookings stored, the answer given, or
 * the handoff and its note. "Today" is pinned to Wednesday 2027-03-10 whatever TEST_TODAY says, because the
 * conversations are written against that day ("next week" = Mon 15 Mar). A conversation marked `gap:` is one the
 * current bot fails; it runs as `it.failing`, so it turns the suite red the day it starts passing, until its mark
 * is removed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadHotels } from '../../src/reservations/hotel-file';
import { SqlReservationStore } from '../../src/reservations/sql-store';
import { testClock } from '../support/clock';
import { startTestService, type TestService } from '../support/service';
import { loadDialogues, play, type Dialogue, type PlayContext } from './runner';

const HOTEL_FILE = path.join(__dirname, 'hotels', 'casa-do-rio.yaml');
const CORPUS_DIR = path.join(__dirname, 'corpus');
const CORPUS_TODAY = '2027-03-10';

const files = fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.yaml')).sort();
const dialogues: Array<[string, Dialogue]> = files.flatMap((f) => loadDialogues(path.join(CORPUS_DIR, f)).map((d) => [`${d.class}/${f}: ${d.name}`, d] as [string, Dialogue]));

/** Conversations per class, and how many of them the current bot fails (marked `gap:`). */
export function countsPerClass(list: Dialogue[]): Array<{ class: string; total: number; gaps: number }> {
  const by = new Map<string, { total: number; gaps: number }>();
  for (const d of list) {
    const c = by.get(d.class ?? '(none)') ?? { total: 0, gaps: 0 };
    c.total += 1;
    if (d.gap) c.gaps += 1;
    by.set(d.class ?? '(none)', c);
  }
  return [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, c]) => ({ class: k, ...c }));
}

describe('conversation corpus (Casa do Rio, real service, sandbox Chatwoot, embedded database)', () => {
  let svc: TestService;
  let ctx: PlayContext;
  beforeAll(async () => {
    svc = await startTestService({ HOTEL_CONFIG: HOTEL_FILE }, { clock: testClock(CORPUS_TODAY) });
    const hotels = loadHotels(HOTEL_FILE);
    const clock = testClock(CORPUS_TODAY);
    ctx = { store: new SqlReservationStore(svc.db, hotels, { now: () => clock.now() }), hotelId: hotels[0].id };
  }, 300_000); // training the embedded NLU engine can take minutes on a busy machine
  afterAll(async () => {
    const rows = countsPerClass(dialogues.map(([, d]) => d));
    const table = ['| class | conversations | passing now |', '|---|---:|---:|', ...rows.map((r) => `| ${r.class} | ${r.total} | ${r.total - r.gaps} |`)];
    const total = rows.reduce((n, r) => n + r.total, 0);
    const gaps = rows.reduce((n, r) => n + r.gaps, 0);
    table.push(`| **all** | **${total}** | **${total - gaps}** |`);
    process.stdout.write(`\nConversation corpus per class:\n${table.join('\n')}\n`);
    await svc?.stop();
  });

  it('every conversation names its class and asserts an outcome', () => {
    const outcome = /^(bookings|no_booking|booking|booking_unchanged|booked_guests|handoff|handoff_reason|status|says|says_date|says_price|silent|any_of|note)$/;
    for (const [name, d] of dialogues) {
      expect([name, d.class ?? 'no class']).toEqual([name, expect.stringMatching(/^[a-z-]+$/)]);
      const keys = d.steps.flatMap((s) => (s.expect ?? []).map((e) => (typeof e === 'string' ? e : Object.keys(e)[0])));
      expect([name, keys.some((k) => outcome.test(k))]).toEqual([name, true]);
    }
    expect(dialogues.length).toBeGreaterThanOrEqual(90);
  });

  for (const [name, dialogue] of dialogues) {
    // CORPUS_GAPS=run plays the gaps as ordinary tests, to read how each one fails now.
    const run = dialogue.gap && process.env.CORPUS_GAPS !== 'run' ? it.failing : it;
    run(dialogue.gap ? `${name} [gap: ${dialogue.gap}]` : name, async () => {
      await play(svc, dialogue, ctx);
    });
  }
});

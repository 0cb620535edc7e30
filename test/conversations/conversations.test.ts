/** Runs every dialogue in test/conversations/*.yaml against the real service (sandbox Chatwoot, embedded DB). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { testClock } from '../support/clock';
import { startTestService, type TestService } from '../support/service';
import { loadDialogues, play } from './runner';

/** The scripts state dates as seen from this day ("Sat, 20 Mar 2027"), so they keep it whatever TEST_TODAY says. */
const SCRIPTED_TODAY = '2027-03-10';
const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.yaml'));
const dialogues = files.flatMap((f) => loadDialogues(path.join(__dirname, f)).map((d) => [`${f}: ${d.name}`, d] as const));

describe('conversations (real service, sandbox Chatwoot, embedded database)', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({}, { clock: testClock(SCRIPTED_TODAY) });
  });
  afterAll(() => svc.stop());

  it.each(dialogues)('%s', async (_name, dialogue) => {
    await play(svc, dialogue);
  });
});

/** Runs every dialogue in test/conversations/*.yaml against the real service (sandbox Chatwoot, embedded DB). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startTestService, type TestService } from '../support/service';
import { loadDialogues, play } from './runner';

const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.yaml'));
const dialogues = files.flatMap((f) => loadDialogues(path.join(__dirname, f)).map((d) => [`${f}: ${d.name}`, d] as const));

describe('conversations (real service, sandbox Chatwoot, embedded database)', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(() => svc.stop());

  it.each(dialogues)('%s', async (_name, dialogue) => {
    await play(svc, dialogue);
  });
});

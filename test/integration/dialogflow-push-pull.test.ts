/** `intents push` and `pull` with the real AgentsClient against the local Dialogflow server (long-running operations). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { main as intents } from '../../src/cli/intents';
import { defaultAgentDir } from '../../src/paths';
import { startFakeDialogflow } from '../support/fake-dialogflow';

describe('pushing and pulling the agent', () => {
  let df: Awaited<ReturnType<typeof startFakeDialogflow>>;
  const saved = { ...process.env };
  beforeAll(async () => {
    df = await startFakeDialogflow();
    Object.assign(process.env, { DIALOGFLOW_PROJECT_ID: 'hotel-p', DIALOGFLOW_API_ENDPOINT: df.endpoint });
  });
  afterAll(async () => {
    process.env = saved;
    await df.close();
  });

  it('push restores the zip of intents/ and trains; pull writes the export back in the same layout', async () => {
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      expect(await intents(['push'])).toBe(0);
      expect(df.agent).toMatchObject({ restored: 1, trained: 1 });
      const zip = await JSZip.loadAsync(df.agent.zip!);
      expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['agent.json', 'package.json', 'intents/booking.create.json', 'entities/room-type.json']));
      // Every language travels: the phrases and entity entries of each of supportedLanguages.
      for (const lang of ['es', 'pt', 'de', 'fr']) {
        expect(Object.keys(zip.files)).toEqual(expect.arrayContaining([`intents/booking.create_usersays_${lang}.json`, `entities/room-type_entries_${lang}.json`]));
      }

      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-pull-'));
      fs.mkdirSync(path.join(dir, 'intents'));
      fs.writeFileSync(path.join(dir, 'intents', 'stale.json'), '{}'); // deleted in the console → gone after pull
      expect(await intents(['pull', dir])).toBe(0);
      expect(fs.existsSync(path.join(dir, 'intents', 'stale.json'))).toBe(false);
      const a = fs.readFileSync(path.join(defaultAgentDir, 'intents', 'booking.create_usersays_en.json'), 'utf8');
      const b = fs.readFileSync(path.join(dir, 'intents', 'booking.create_usersays_en.json'), 'utf8');
      expect(b).toBe(a);
      for (const file of ['agent.json', 'intents/booking.create_usersays_de.json', 'intents/smalltalk.greeting.json', 'entities/room-type_entries_fr.json']) {
        expect(fs.readFileSync(path.join(dir, file), 'utf8')).toBe(fs.readFileSync(path.join(defaultAgentDir, file), 'utf8'));
      }
      expect(await intents(['validate', dir])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
  });

  it('zip writes a file the console can restore', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hb-zip-')), 'agent.zip');
    expect(await intents(['zip', '--out', out])).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(zip.files['agent.json']).toBeDefined();
  });
});

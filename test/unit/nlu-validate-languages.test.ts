/** `intents validate` checks every language of the agent: the default and each of supportedLanguages. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validateAgent } from '../../src/nlu/agent/validate';
import { defaultAgentDir } from '../../src/paths';

function agentDir(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-langs-'));
  for (const [rel, content] of Object.entries({ 'package.json': { version: '1.0.0' }, ...files })) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const phrase = (text: string, lang: string) => ({ data: [{ text }], lang });

describe('validating an agent in several languages', () => {
  it('passes the shipped hotel agent in all five languages', () => {
    expect(validateAgent(defaultAgentDir, { requireHotelIntents: true })).toEqual([]);
  });

  it('names the file and field of each language problem', () => {
    const dir = agentDir({
      'agent.json': { language: 'en', supportedLanguages: ['es', 'en', 'xx_1', 'de'] },
      'intents/hi.json': { name: 'hi', responses: [{ messages: [{ type: '0', lang: 'it', speech: ['ciao'] }] }] },
      'intents/hi_usersays_en.json': [phrase('hello', 'en')],
      'intents/hi_usersays_es.json': [phrase('hola', 'es'), phrase('bonjour', 'fr')],
      'intents/hi_usersays_de.json': [{ data: [] }],
      'entities/room.json': { name: 'room' },
      'entities/room_entries_de.json': [{ synonyms: ['Zimmer'] }],
    });
    const issues = validateAgent(dir).map((i) => `${i.file}: ${i.field}: ${i.message}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^agent\.json: supportedLanguages\[1\]: repeats the default language "en"/),
        expect.stringMatching(/^agent\.json: supportedLanguages\[2\]: is not a language code/),
        expect.stringMatching(/^intents\/hi\.json: responses\[0\]\.messages\[0\]\.lang: "it" is not one of the agent's languages/),
        expect.stringMatching(/^intents\/hi_usersays_es\.json: \[1\]\.lang: is "fr" in the file of "es"/),
        expect.stringMatching(/^intents\/hi_usersays_de\.json: \[0\]\.data: must be a non-empty array/),
        expect.stringMatching(/^entities\/room_entries_de\.json: \[0\]\.value: is required/),
      ]),
    );
    expect(issues).toHaveLength(6);
  });

  it('reports a language of supportedLanguages with no phrases for an intent', () => {
    const dir = agentDir({
      'agent.json': { language: 'en', supportedLanguages: ['pt'] },
      'intents/hi.json': { name: 'hi' },
      'intents/hi_usersays_en.json': [phrase('hello', 'en')],
    });
    expect(validateAgent(dir)).toEqual([
      { file: 'intents/hi_usersays_pt.json', field: '(file)', message: 'is missing: hi has no training phrases in "pt" (a language of supportedLanguages)' },
    ]);
  });
});

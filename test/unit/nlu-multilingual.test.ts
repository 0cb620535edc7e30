/** One model per agent language, picked by the query's languageCode (the hotel agent's es, pt, de and fr phrases). */
import { parseAgent } from '../../src/nlu/agent/load';
import { agentLanguages, languageFor, MultilingualNluEngine } from '../../src/nlu/local/multilingual';
import { defaultAgentDir } from '../../src/paths';
import { testToday } from '../support/clock';
import { decide } from '../../src/nlu/port';

const today = testToday();
const ask = (engine: MultilingualNluEngine, text: string, languageCode: string) =>
  engine.detectSync({ text, sessionId: 't', languageCode, timeZone: 'Europe/Madrid', referenceDate: today });

describe('languageFor', () => {
  it('maps a query code to the agent language: exact, by base, else the default', () => {
    const langs = ['en', 'es', 'pt-br', 'de'];
    expect(languageFor('es-ES', langs)).toBe('es');
    expect(languageFor('pt-PT', langs)).toBe('pt-br');
    expect(languageFor('PT_br', langs)).toBe('pt-br');
    expect(languageFor('it', langs)).toBe('en');
    expect(languageFor(undefined, langs)).toBe('en');
  });
});

describe('the hotel agent in five languages', () => {
  let engine: MultilingualNluEngine;
  beforeAll(async () => {
    engine = await MultilingualNluEngine.fromAgentDir(defaultAgentDir, { background: false });
  });
  afterAll(() => engine.close());

  it('declares en, es, pt, de and fr', () => {
    expect(engine.languages).toEqual(['en', 'es', 'pt', 'de', 'fr']);
  });

  const cases: Array<[string, string, string]> = [
    ['es-ES', 'Quiero reservar una habitación individual del 3/4 al 6/4', 'booking.create'],
    ['es', 'tienen habitación doble libre para este finde?', 'booking.availability'],
    ['es', 'quiero cancelar mi reserva', 'booking.cancel'],
    ['pt-BR', 'vocês têm quarto livre pro feriado?', 'booking.availability'],
    ['pt', 'quero cancelar minha reserva', 'booking.cancel'],
    ['de', 'ich möchte ein Doppelzimmer buchen', 'booking.create'],
    ['de-AT', 'was kostet ein Einzelzimmer?', 'hotel.prices'],
    ['fr', 'je voudrais parler à quelqu’un', 'agent.handoff'],
    ['fr-CA', 'vous avez un parking ?', 'hotel.amenities'],
    ['en-GB', 'can I book a double room', 'booking.create'],
  ];
  it.each(cases)('%s: "%s" → %s', (lang, text, intent) => {
    const r = ask(engine, text, lang);
    expect(r.intent).toBe(intent);
    expect(r.languageCode).toBe(lang.split('-')[0]);
  });

  it("reads the Spanish dates and answers with the intent's Spanish messages", () => {
    const r = ask(engine, 'Quiero reservar una habitación individual del 3/4 al 6/4', 'es');
    const y = Number(today.slice(0, 4));
    const april = (d: number) => (`${y}-04-0${d}` >= today ? `${y}-04-0${d}` : `${y + 1}-04-0${d}`);
    expect(r.parameters).toMatchObject({ checkin: april(3), checkout: april(6), room_type: 'single' });
    expect(r.messages[0]).toEqual({ type: 'text', text: 'Encantado de hacerte la reserva.' });
    expect(ask(engine, 'hola', 'es').messages.find((m) => m.type === 'payload')).toMatchObject({ payload: { content: '¿En qué puedo ayudarte?' } });
  });

  it('sends a language the agent lacks to the default model', () => {
    const r = ask(engine, 'I would like to book a room', 'it-IT');
    expect(r).toMatchObject({ intent: 'booking.create', languageCode: 'en' });
  });

  it('rejects out-of-scope text in each language', () => {
    for (const [lang, text] of [
      ['es', 'quién ganó el partido de anoche?'],
      ['pt', 'me conta uma piada'],
      ['de', 'wie wird das Wetter morgen?'],
      ['fr', 'raconte-moi une blague'],
    ]) {
      const r = ask(engine, text, lang);
      expect(decide(r)).toBe('out_of_scope');
    }
  });
});

describe('an agent that declares a language without phrases', () => {
  it('answers that language with the default model, and trains the others in the background', async () => {
    const files = new Map<string, string>([
      ['agent.json', JSON.stringify({ language: 'en', supportedLanguages: ['es', 'de'] })],
      ['intents/hi.json', JSON.stringify({ name: 'hi' })],
      ['intents/hi_usersays_en.json', JSON.stringify([{ data: [{ text: 'hello there' }] }, { data: [{ text: 'hi' }] }])],
      ['intents/hi_usersays_es.json', JSON.stringify([{ data: [{ text: 'hola' }] }, { data: [{ text: 'buenas' }] }])],
      ['intents/bye.json', JSON.stringify({ name: 'bye' })],
      ['intents/bye_usersays_en.json', JSON.stringify([{ data: [{ text: 'goodbye' }] }, { data: [{ text: 'see you' }] }])],
      ['intents/bye_usersays_es.json', JSON.stringify([{ data: [{ text: 'adiós' }] }, { data: [{ text: 'hasta luego' }] }])],
    ]);
    const agent = parseAgent(files);
    expect(agentLanguages(agent)).toEqual(['en', 'es', 'de']);
    const engine = new MultilingualNluEngine(agent);
    try {
      expect(engine.engineFor('de').language).toBe('en');
      expect(engine.engineFor('es').language).toBe('es');
      expect(engine.detectSync({ text: 'hasta luego', sessionId: 's', languageCode: 'es', timeZone: 'UTC' }).intent).toBe('bye');
    } finally {
      await engine.close();
    }
  });
});

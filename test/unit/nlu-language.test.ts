/** The guest's language per conversation: Chatwoot's hint, detection among the agent's languages, and stickiness. */
import { baseLanguage, detectLanguage, languageForTurn, supportedLanguage, type ConversationLanguage } from '../../src/nlu/language';

const AGENT = ['en', 'es', 'pt', 'de', 'fr'];

describe('language codes', () => {
  it('reduces Chatwoot codes to the base language the agent has', () => {
    expect(baseLanguage('es-ES')).toBe('es');
    expect(baseLanguage('pt_BR')).toBe('pt');
    expect(baseLanguage('')).toBeUndefined();
    expect(supportedLanguage('fr-CA', AGENT)).toBe('fr');
    expect(supportedLanguage('it-IT', AGENT)).toBeUndefined();
    expect(supportedLanguage('de', ['en'])).toBeUndefined();
  });
});

describe('detectLanguage', () => {
  const long: Array<[string, string]> = [
    ['en', 'hi, do you have a double room for next weekend?'],
    ['en', 'I would like to cancel my booking please'],
    ['es', 'Quiero reservar una habitación individual del 3/4 al 6/4'],
    ['es', 'Tienen habitación libre este finde?'],
    ['es', 'hola, cuanto cuesta la noche en la habitacion doble?'],
    ['pt', 'quero um quarto de 5 a 8 de fevereiro'],
    ['pt', 'Vcs tem quarto pra esse fim de semana?'],
    ['pt', 'gostaria de cancelar a minha reserva'],
    ['de', 'Haben Sie am Wochenende ein Zimmer frei?'],
    ['de', 'Ich möchte ein Doppelzimmer buchen'],
    ['de', 'wie viel kostet ein Einzelzimmer pro Nacht'],
    ['fr', 'vous avez une chambre pour ce week-end ?'],
    ['fr', 'je voudrais réserver une chambre double'],
    ['fr', "bonjour, je voudrais annuler ma réservation s'il vous plaît"],
  ];
  it.each(long)('reads a sentence as %s: %s', (lang, text) => {
    expect(detectLanguage(text, AGENT)?.language).toBe(lang);
  });

  const short: Array<[string, string]> = [
    ['es', 'Hola'],
    ['es', 'gracias!'],
    ['pt', 'obrigado'],
    ['pt', 'Olá, tem quarto?'],
    ['de', 'Hallo'],
    ['de', 'danke schön'],
    ['fr', 'merci'],
    ['fr', 'Bonjour'],
    ['en', 'hi'],
    ['en', 'thanks'],
  ];
  it.each(short)('reads a short message as %s without being sure of it: %s', (lang, text) => {
    const d = detectLanguage(text, AGENT);
    expect(d?.language).toBe(lang);
    expect(d?.confident).toBe(false);
  });

  it('finds nothing in text without words and stays among the agent languages', () => {
    expect(detectLanguage('12/03', AGENT)).toBeUndefined();
    expect(detectLanguage('   ', AGENT)).toBeUndefined();
    // German with an English and Spanish agent: no everyday word of either, so no reading at all (never "de").
    expect(detectLanguage('Ich möchte ein Doppelzimmer buchen', ['en', 'es'])).toBeUndefined();
  });

  it('does not take shorthand English for another language ("pls cancel …, plans changed" scored as Portuguese)', () => {
    expect(detectLanguage('pls cancel JQ6TD106 ema.kos@example.com, plans changed', AGENT)?.language ?? 'en').toBe('en');
  });

  it('gives a mixed message to the language of the request, not of its greeting', () => {
    expect(detectLanguage('Hola! hi, room for 2 adults 5–8 Feb?', AGENT)?.language).toBe('en');
    expect(detectLanguage('hi! quiero una habitación doble para el finde', AGENT)?.language).toBe('es');
  });
});

describe('languageForTurn', () => {
  const first = (hint: { browserLanguage?: string; contactLanguage?: string }, text?: string) => languageForTurn(undefined, { hint, text }, AGENT);

  it("takes Chatwoot's browser language, then the contact's, when the agent has it", () => {
    expect(first({ browserLanguage: 'es-ES' }, 'hello')).toEqual({ code: 'es', source: 'chatwoot' });
    expect(first({ browserLanguage: 'it-IT', contactLanguage: 'pt-BR' }, 'hello')).toEqual({ code: 'pt', source: 'chatwoot' });
  });

  it('detects it from the text when Chatwoot gives none the agent has', () => {
    expect(first({ browserLanguage: 'it-IT' }, 'Quiero reservar una habitación individual del 3/4 al 6/4')).toEqual({ code: 'es', source: 'text' });
    expect(first({}, 'Hallo')).toEqual({ code: 'de', source: 'text' });
  });

  it("falls back to the agent's default until a message says more", () => {
    const start = first({}, 'ok 👍');
    expect(start).toEqual({ code: 'en', source: 'default' });
    expect(languageForTurn(start, { text: 'bonjour' }, AGENT)).toEqual({ code: 'fr', source: 'text' });
    expect(languageForTurn(undefined, { text: '2' }, AGENT, 'de')).toEqual({ code: 'de', source: 'default' });
  });

  it('sticks unless the guest clearly switches', () => {
    const es: ConversationLanguage = { code: 'es', source: 'text' };
    expect(languageForTurn(es, { text: 'ok' }, AGENT)).toBe(es);
    expect(languageForTurn(es, { text: 'thanks' }, AGENT)).toBe(es);
    expect(languageForTurn(es, { text: 'ana@example.com' }, AGENT)).toBe(es);
    expect(languageForTurn(es, { text: 'Sorry, can we continue in English? I do not speak Spanish well' }, AGENT)).toEqual({ code: 'en', source: 'text' });
    const en: ConversationLanguage = { code: 'en', source: 'chatwoot' };
    expect(languageForTurn(en, { text: 'gracias!' }, AGENT)).toBe(en);
    expect(languageForTurn(en, { text: 'perdón, prefiero hablar en español por favor' }, AGENT)).toEqual({ code: 'es', source: 'text' });
  });
});

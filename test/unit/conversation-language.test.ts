/**
 * The guest's language per conversation (src/dialogue/language.ts): Chatwoot's hint, else the guest's first
 * words among the agent's languages, else the hotel's; then it sticks unless the guest clearly switches. And the
 * hotel as the guest reads it (hotelIn): texts in the guest's language, the staff's names untouched.
 */
import { conversationLanguage, guestLanguages } from '../../src/dialogue/language';
import type { GuestInput } from '../../src/dialogue/port';
import { initialState, loadState } from '../../src/dialogue/state';
import type { ConversationLanguage } from '../../src/nlu/language';
import { hotelSchema } from '../../src/reservations/hotel';
import { hotelIn } from '../../src/reservations/hotel-texts';

const AGENT = ['en', 'es', 'pt', 'de', 'fr'];
const HOTEL = { language: 'en' };
const say = (text: string): GuestInput => ({ kind: 'message', text, hasAttachments: false, messageId: 1 });
const opened: GuestInput = { kind: 'widget_opened' };

/** Plays guest messages through one conversation, as the dialogue does turn after turn. */
function play(turns: Array<{ hint?: string; input: GuestInput }>, agent: readonly string[] | undefined = AGENT, hotel = HOTEL): ConversationLanguage[] {
  let lang: ConversationLanguage | undefined;
  return turns.map(({ hint, input }) => (lang = conversationLanguage(lang, { language: hint }, input, agent, hotel)));
}

describe('conversationLanguage', () => {
  it('takes the browser language Chatwoot reports when the agent has it', () => {
    expect(play([{ hint: 'es-ES', input: opened }])).toEqual([{ code: 'es', source: 'chatwoot' }]);
    expect(play([{ hint: 'pt_BR', input: say('ok') }])[0].code).toBe('pt');
  });

  it('with no hint, reads the first message among the agent languages', () => {
    expect(play([{ input: say('Quiero reservar una habitación individual del 3/4 al 6/4') }])).toEqual([{ code: 'es', source: 'text' }]);
    expect(play([{ input: say('Zimmer für 2 vom 12.03. bis 14.03., geht das?') }])[0].code).toBe('de');
    expect(play([{ input: say('bonjour, je voudrais réserver une chambre double') }])[0].code).toBe('fr');
  });

  it('a first message clearly in another language wins over the browser language', () => {
    expect(play([{ hint: 'en-US', input: opened }, { hint: 'en-US', input: say('Quiero reservar una habitación individual del 3/4 al 6/4') }]).map((l) => l.code)).toEqual(['en', 'es']);
  });

  it("English shorthand, names and e-mails never switch an English conversation (n-grams alone are fooled by them)", () => {
    for (const text of ['twin room 2 ppl 19-21 mar', 'hi twin 2 ppl april 9-11', 'please cancel booking 59ZPXWJS, leo.martins@example.com', 'no sorry, april 16-18', 'Rua de São Miguel 19, Alfama?']) {
      expect([text, play([{ hint: 'en', input: opened }, { hint: 'en', input: say(text) }])[1].code]).toEqual([text, 'en']);
    }
  });

  it('reads English shorthand as English when nothing else is known', () => {
    expect(play([{ input: say('hi twin 2 ppl april 9-11') }])[0].code).toBe('en');
  });

  it('a greeting word alone does not override the browser language', () => {
    expect(play([{ hint: 'en', input: say('Hola') }])[0].code).toBe('en');
  });

  it('sticks once known: names, emails, "ok" and a thank-you in another language keep it', () => {
    const codes = play([
      { input: say('Hola, ¿tienen habitación doble libre para el fin de semana?') },
      { input: say('2') },
      { input: say('Maria Lopez') },
      { input: say('maria@example.com') },
      { input: say('ok') },
      { input: say('thanks!') },
    ]).map((l) => l.code);
    expect(codes).toEqual(['es', 'es', 'es', 'es', 'es', 'es']);
  });

  it('switches when the guest clearly writes in another language', () => {
    const codes = play([{ hint: 'en', input: say('hi') }, { input: say('Perdón, ¿podemos seguir en español por favor?') }]).map((l) => l.code);
    expect(codes).toEqual(['en', 'es']);
  });

  it("a browser language the agent lacks is no hint; the hotel's language is the default", () => {
    expect(play([{ hint: 'it-IT', input: opened }])).toEqual([{ code: 'en', source: 'default' }]);
    expect(play([{ hint: 'it-IT', input: opened }], AGENT, { language: 'de' })[0].code).toBe('de');
    expect(play([{ hint: 'it-IT', input: say('vorrei prenotare una camera doppia per favore') }])[0].code).not.toBe('it');
  });

  it("an engine that names no languages: the hotel's language only", () => {
    expect(guestLanguages(undefined, { language: 'fr-FR' })).toEqual(['fr']);
    expect(play([{ hint: 'es', input: say('Quiero reservar una habitación doble') }], [], { language: 'fr' })[0].code).toBe('fr');
  });

  it('states stored before languages existed still load, without a language', () => {
    const old = { ...initialState(), booked: ['K7M2Q9XA'] } as Record<string, unknown>;
    delete old.language;
    const loaded = loadState(JSON.parse(JSON.stringify(old)));
    expect(loaded.booked).toEqual(['K7M2Q9XA']);
    expect(loaded.language).toBeUndefined();
    expect(loadState({ ...old, language: { code: 'es', source: 'text' } }).language).toEqual({ code: 'es', source: 'text' });
  });
});

describe('hotelIn', () => {
  const hotel = hotelSchema.parse({
    id: 'h',
    name: 'Hotel H',
    timezone: 'Europe/Madrid',
    currency: 'EUR',
    language: 'en',
    room_types: [{ id: 'double', name: { en: 'Double Room', es: 'Habitación doble' }, description: 'Queen bed', capacity: 2, count: 3, rate: 100 }],
    policies: { cancellation: { en: 'Free until 48 hours before.', de: 'Kostenlos bis 48 Stunden vorher.' } },
    faq: [{ topic: 'parking', answer: { en: 'Parking 18 EUR.', es: 'Aparcamiento 18 EUR.' }, keywords: { en: ['car'], es: ['coche'] } }],
  });

  it("gives the guest's language, falling back to the hotel's for a text not written in it", () => {
    const es = hotelIn(hotel, 'es');
    expect(es.room_types[0].name).toBe('Habitación doble');
    expect(es.room_types[0].description).toBe('Queen bed');
    expect(es.faq[0].answer).toBe('Aparcamiento 18 EUR.');
    expect(es.faq[0].keywords).toEqual(['car', 'coche']);
    expect(es.policies.cancellation).toBe('Free until 48 hours before.');
    expect(hotelIn(hotel, 'de').policies.cancellation).toBe('Kostenlos bis 48 Stunden vorher.');
  });

  it("leaves the hotel itself in the hotel's language (staff notes read it)", () => {
    hotelIn(hotel, 'es');
    expect(hotel.room_types[0].name).toBe('Double Room');
    expect(hotelIn(hotel, 'en')).toBe(hotel);
    expect(hotelIn(hotel, 'es')).toBe(hotelIn(hotel, 'es'));
  });
});

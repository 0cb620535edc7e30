/** The hotel file: texts in several languages, the guest's language resolved, mistakes explained by key. */
import * as path from 'node:path';
import { HotelFileError, loadHotels, parseHotels } from '../../src/reservations/hotel-file';
import { hotelLanguages, textIn } from '../../src/reservations/hotel-texts';
import { projectRoot } from '../../src/paths';

const base = {
  id: 'h',
  name: 'Hotel H',
  timezone: 'Europe/Madrid',
  currency: 'EUR',
  room_types: [{ id: 'double', name: 'Double Room', capacity: 2, count: 3, rate: 100 }],
};

const problems = (data: unknown): string[] => {
  try {
    parseHotels(data, 'h.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(HotelFileError);
    return (err as Error).message.split('\n').slice(1).map((l) => l.replace(/^\s+- /, ''));
  }
  throw new Error('the file was accepted');
};

describe('plain hotel files stay valid', () => {
  it('reads plain strings as the hotel language (en unless set)', () => {
    const [h] = parseHotels({ ...base, policies: { pets: 'Dogs welcome.' }, faq: [{ topic: 'parking', answer: 'Garage, 20 EUR.', keywords: ['car'] }] });
    expect(h.language).toBe('en');
    expect(h.room_types[0]).toMatchObject({ name: 'Double Room', description: '', texts: { name: { en: 'Double Room' } } });
    expect(h.policies.pets).toBe('Dogs welcome.');
    expect(h.faq[0]).toMatchObject({ answer: 'Garage, 20 EUR.', keywords: ['car'] });
    expect(textIn(h.faq[0].texts.answer, 'es', h)).toBe('Garage, 20 EUR.');
  });
});

describe('texts in several languages', () => {
  const [h] = parseHotels({
    hotels: [
      {
        ...base,
        language: 'es',
        room_types: [{ ...base.room_types[0], name: { es: 'Habitación doble', en: 'Double Room', 'pt-BR': 'Quarto duplo' }, description: { es: '22 m²' } }],
        policies: { cancellation: { es: 'Cancelación gratuita hasta 48 h antes.', en: 'Free cancellation until 48 hours before.' }, pets: 'No se admiten.' },
        faq: [{ topic: 'parking', answer: { es: 'Parking, 20 EUR por noche.', en: 'Parking, 20 EUR per night.' }, keywords: { es: ['aparcamiento', 'coche'], en: ['car', 'garage'] } }],
      },
    ],
  });

  it("keeps the hotel language's text in the plain fields and every language in texts", () => {
    expect(h.room_types[0].name).toBe('Habitación doble');
    expect(h.room_types[0].description).toBe('22 m²');
    expect(h.policies.cancellation).toBe('Cancelación gratuita hasta 48 h antes.');
    expect(h.faq[0].answer).toBe('Parking, 20 EUR por noche.');
    expect(h.faq[0].keywords).toEqual(['aparcamiento', 'coche', 'car', 'garage']); // any language's keyword finds the topic
    expect(hotelLanguages(h)).toEqual(['es', 'en', 'pt-BR']);
  });

  it("resolves the guest's language, its base, then the hotel's language", () => {
    expect(textIn(h.room_types[0].texts.name, 'en', h)).toBe('Double Room');
    expect(textIn(h.room_types[0].texts.name, 'pt', h)).toBe('Quarto duplo');
    expect(textIn(h.room_types[0].texts.name, 'en-GB', h)).toBe('Double Room');
    expect(textIn(h.room_types[0].texts.name, 'de', h)).toBe('Habitación doble');
    expect(textIn(h.room_types[0].texts.description, 'en', h)).toBe('22 m²');
    expect(textIn(h.texts.policies.cancellation, 'fr', h)).toBe('Cancelación gratuita hasta 48 h antes.');
    expect(textIn(h.texts.policies.pets, 'en', h)).toBe('No se admiten.');
    expect(textIn(h.faq[0].texts.keywords, 'en', h)).toEqual(['car', 'garage']);
    expect(textIn(undefined, 'en', h)).toBeUndefined();
  });
});

describe('mistakes explained by key', () => {
  it('names a key that is not a language code, an empty map, a wrong value and the hotel language', () => {
    expect(
      problems({
        hotels: [
          {
            ...base,
            language: 'Spanish',
            room_types: [{ ...base.room_types[0], name: {} }],
            faq: [
              { topic: 'a', answer: 'ok' },
              { topic: 'b', answer: 'ok' },
              { topic: 'c', answer: { en: 'Parking.', xx_y: 'Aparcamiento.' } },
              { topic: 'd', answer: { en: 3 }, keywords: { es: 'coche' } },
            ],
            policies: { pets: ['no'] },
          },
        ],
      }),
    ).toEqual([
      'hotels[0].room_types[0].name needs at least one language, e.g. {en: "…"}',
      'hotels[0].policies.pets Invalid input: expected string, received array',
      'hotels[0].faq[2].answer.xx_y is not a language code such as "en", "es" or "pt-BR"',
      'hotels[0].faq[3].answer.en Invalid input: expected string, received number',
      'hotels[0].faq[3].keywords.es Invalid input: expected array, received string',
      'hotels[0].language must be a language code such as "en" or "es"',
    ]);
  });

  it('still names plain mistakes in a single-hotel file', () => {
    expect(problems({ ...base, currency: 'euro' })).toEqual(['currency must be a 3-letter ISO currency code such as "EUR"']);
    expect(problems({ hotels: [] })).toEqual(['hotels needs at least one hotel']);
  });
});

describe('the demo hotel', () => {
  const [miramar] = loadHotels(path.join(projectRoot, 'config', 'hotel.yaml'));
  it.each(['es', 'pt', 'de', 'fr'])('has every room, policy and FAQ answer in %s', (lang) => {
    for (const r of miramar.room_types) {
      expect(r.texts.name[lang]).toBeTruthy();
      expect(r.texts.description[lang]).toBeTruthy();
    }
    for (const [key, text] of Object.entries(miramar.texts.policies)) expect([key, text[lang]]).toEqual([key, expect.any(String)]);
    for (const f of miramar.faq) {
      expect([f.topic, f.texts.answer[lang]]).toEqual([f.topic, expect.any(String)]);
      expect([f.topic, f.texts.keywords?.[lang]?.length]).toEqual([f.topic, expect.any(Number)]);
    }
  });
  it('keeps English in the plain fields (the hotel language)', () => {
    expect(miramar.language).toBe('en');
    expect(miramar.room_types.find((r) => r.id === 'double')?.name).toBe('Double Room');
    expect(textIn(miramar.room_types.find((r) => r.id === 'double')!.texts.name, 'es', miramar)).toBe('Habitación doble');
  });
});

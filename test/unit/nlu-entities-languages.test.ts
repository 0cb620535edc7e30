/** Dates, counts and rooms read in the guest's language (es, pt, de, fr): day first in every zone. */
import { extractParameters } from '../../src/nlu/local/extract';
import { bareNumber } from '../../src/nlu/local/entities/numbers';
import type { NormalizedParameters } from '../../src/nlu/port';
import { testToday } from '../support/clock';

const TODAY = testToday(); // 2027-03-10, a Wednesday, unless TEST_TODAY says otherwise
const ROOMS = [
  {
    name: 'room-type',
    entries: [
      { value: 'single', synonyms: ['single', 'individual', 'habitación individual', 'quarto individual', 'Einzelzimmer', 'chambre simple'] },
      { value: 'double', synonyms: ['double', 'doble', 'duplo', 'Doppelzimmer', 'chambre double'] },
    ],
  },
];

const read = (language: string, text: string, timeZone = 'Europe/Madrid', expecting?: string): NormalizedParameters =>
  extractParameters(text, { referenceDate: TODAY, timeZone, params: [], entities: ROOMS, language, expecting }).normalized;

/** The next date with this month and day, on or after the test's day. */
const next = (month: number, day: number) => {
  const y = Number(TODAY.slice(0, 4));
  const d = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return d >= TODAY ? d : `${y + 1}${d.slice(4)}`;
};
const plusDays = (n: number) => new Date(Date.parse(`${TODAY}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The coming date with this weekday (0 = Sunday), today included. */
const coming = (weekday: number) => plusDays((weekday - new Date(`${TODAY}T12:00:00Z`).getUTCDay() + 7) % 7);

describe('Spanish', () => {
  it('reads "del 3/4 al 6/4" day first, in Madrid and in Mexico City', () => {
    for (const zone of ['Europe/Madrid', 'America/Mexico_City']) {
      expect(read('es', 'Quiero reservar una habitación individual del 3/4 al 6/4', zone)).toMatchObject({
        checkin: next(4, 3),
        checkout: next(4, 6),
        room_type: 'single',
      });
    }
  });
  it('reads a range with the month once, counts in words and digits', () => {
    expect(read('es', 'hola, tienen algo del 3 al 6 de abril para 2 personas?')).toMatchObject({ checkin: next(4, 3), checkout: next(4, 6), guests: 2 });
    expect(read('es', 'somos dos adultos y un niño, tres noches desde el 12 de mayo')).toMatchObject({ guests: 3, nights: 3, checkin: next(5, 12) });
    expect(read('es', 'quiero dos habitaciones dobles para el finde')).toMatchObject({ rooms: 2, room_type: 'double' });
    expect(read('es', 'llegada el 15 de agosto, salida el 20')).toMatchObject({ checkin: next(8, 15), checkout: next(8, 20) });
    expect(read('es', 'mañana, una noche')).toMatchObject({ checkin: plusDays(1), nights: 1 });
  });
});

describe('Portuguese', () => {
  it('reads "de 5 a 8 de fevereiro" and counts', () => {
    expect(read('pt', 'quero um quarto duplo de 5 a 8 de fevereiro para 2 pessoas', 'America/Sao_Paulo')).toMatchObject({
      checkin: next(2, 5),
      checkout: next(2, 8),
      guests: 2,
      room_type: 'double',
    });
    expect(read('pt', 'chego dia 12/03 e saio dia 15/03', 'America/Sao_Paulo')).toMatchObject({ checkin: next(3, 12), checkout: next(3, 15) });
    expect(read('pt', 'duas noites, 3 adultos e uma criança')).toMatchObject({ nights: 2, guests: 4 });
    expect(read('pt', 'do dia 20 ao dia 23 de junho')).toMatchObject({ checkin: next(6, 20), checkout: next(6, 23) });
  });
});

describe('German', () => {
  it('reads dotted dates, "zwei Nächte" and persons', () => {
    expect(read('de', 'ein Doppelzimmer vom 12.04. bis 15.04. für 2 Personen')).toMatchObject({
      checkin: next(4, 12),
      checkout: next(4, 15),
      guests: 2,
      room_type: 'double',
    });
    expect(read('de', 'zwei Nächte ab Freitag, wir sind 3')).toMatchObject({ nights: 2, guests: 3, checkin: coming(5) });
    expect(read('de', 'vom 3. bis 5. Mai, zwei Erwachsene und ein Kind')).toMatchObject({ checkin: next(5, 3), checkout: next(5, 5), guests: 3 });
    const year = Number(TODAY.slice(0, 4)) + 1; // a written year, always ahead of the test's day
    expect(read('de', `Anreise am 20.6.${year}, Abreise am 22.6.${year}`)).toMatchObject({ checkin: `${year}-06-20`, checkout: `${year}-06-22` });
  });
});

describe('French', () => {
  it('reads "du 3 au 5 mars", "deux adultes", "12/03" day first in Montreal', () => {
    expect(read('fr', 'une chambre double du 3 au 5 mai pour deux adultes')).toMatchObject({
      checkin: next(5, 3),
      checkout: next(5, 5),
      guests: 2,
      room_type: 'double',
    });
    expect(read('fr', 'arrivée le 12/03, départ le 14/03', 'America/Montreal')).toMatchObject({ checkin: next(3, 12), checkout: next(3, 14) });
    expect(read('fr', 'trois nuits à partir de vendredi prochain, nous sommes 4')).toMatchObject({ nights: 3, guests: 4 });
    expect(read('fr', 'ce week-end')).toMatchObject({ nights: 2 });
  });
});

describe('English stays as it was', () => {
  it('reads 3/4 by the hotel zone', () => {
    expect(read('en', 'from 3/4 to 6/4', 'Europe/London')).toMatchObject({ checkin: next(4, 3), checkout: next(4, 6) });
    expect(read('en', 'from 4/3 to 4/6', 'America/New_York')).toMatchObject({ checkin: next(4, 3), checkout: next(4, 6) });
  });
});

describe('a bare number answering the bot', () => {
  it('reads number words of the language, not articles', () => {
    expect(bareNumber('dos', 'es')).toBe(2);
    expect(bareNumber('zwei bitte', 'de')).toBe(2);
    expect(bareNumber('trois', 'fr')).toBe(3);
    expect(bareNumber('três', 'pt')).toBe(3);
    expect(bareNumber('una habitación', 'es')).toBeUndefined();
    expect(read('es', '3', 'Europe/Madrid', 'guests')).toMatchObject({ guests: 3 });
  });
});

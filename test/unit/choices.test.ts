/** The choice codec and typed answers to an option list, as guests type them. */
import { decodeChoice, encodeChoice, matchOption, type Choice } from '../../src/dialogue/choices';
import type { Option } from '../../src/dialogue/port';

const option = (title: string, choice: Choice, listId = 4): Option => ({ title, value: encodeChoice(listId, choice) });
const confirmList = [
  option('Confirm booking', { kind: 'confirm', answer: 'yes' }),
  option('Change something', { kind: 'confirm', answer: 'change' }),
  option('Cancel', { kind: 'confirm', answer: 'no' }),
];
const cancelList = [
  option('Yes, cancel', { kind: 'cancel', answer: 'yes' }),
  option('No, keep it', { kind: 'cancel', answer: 'no' }),
];
const rooms = [
  option('Sea View Suite', { kind: 'room', room: 'suite' }),
  option('Double Room', { kind: 'room', room: 'double' }),
  option('Twin Room', { kind: 'room', room: 'twin' }),
];
const picked = (text: string, options: Option[]) => {
  const o = matchOption(text, options);
  return o && decodeChoice(o.value)?.choice;
};

describe('choice codec', () => {
  it('round-trips every kind with its list id', () => {
    const all: Choice[] = [
      { kind: 'menu', item: 'prices' },
      { kind: 'room', room: 'family' },
      { kind: 'mix' },
      { kind: 'guests', count: 3 },
      { kind: 'booking', code: 'ABCD1234' },
      { kind: 'modify', what: 'keep' },
    ];
    for (const c of all) expect(decodeChoice(encodeChoice(17, c))).toEqual({ listId: 17, choice: c });
  });

  it('refuses values that are not choices', () => {
    for (const v of ['hello', '4:room:', '4:guests:-1', '4:menu:spa', '4:unknown:x', 'x:room:suite']) expect(decodeChoice(v)).toBeUndefined();
  });
});

describe('typed answers to a list', () => {
  it.each(['yes', 'y', 'yea', 'Yes please', 'yes please confirm', 'ok great, go ahead', 'Sure, book it!', 'confirm', 'sí, confírmela por favor', 'sim, pode confirmar', 'ja, bitte bestätigen', 'oui, je confirme'])('"%s" confirms', (text) => {
    expect(picked(text, confirmList)).toEqual({ kind: 'confirm', answer: 'yes' });
  });

  it.each(['yes but change the dates', 'yes, for 3 guests', 'ok wait', 'yes actually no', 'sí, pero cambie las fechas', 'oui mais pas le 12'])('"%s" is not a plain yes', (text) => {
    expect(picked(text, confirmList)).toBeUndefined();
  });

  it.each(['yes cancel it', 'yes please cancel the booking', 'ok, cancel'])('"%s" agrees to cancel when the question is whether to cancel', (text) => {
    expect(picked(text, cancelList)).toEqual({ kind: 'cancel', answer: 'yes' });
  });

  it('"yes cancel it" is no yes to a booking summary (there, cancel takes it back)', () => {
    expect(picked('yes cancel it', confirmList)).toBeUndefined();
  });

  it.each([
    ['no', { kind: 'confirm', answer: 'no' }],
    ['2', { kind: 'room', room: 'double' }],
    ['the last one', { kind: 'room', room: 'twin' }],
    ['Sea View Sui', { kind: 'room', room: 'suite' }],
    ['twin rom', { kind: 'room', room: 'twin' }],
  ] as const)('"%s" picks its option', (text, choice) => {
    expect(picked(text, text === 'no' ? confirmList : rooms)).toEqual(choice);
  });
});

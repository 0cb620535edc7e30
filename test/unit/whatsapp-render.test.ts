/**
 * Option lists for WhatsApp stay inside WhatsApp's limits (reply-button titles 20 characters, list rows 24 with
 * 72-character descriptions, at most 10 rows), titles are never cut mid-word, the price stays readable, and a tap
 * (which arrives as the title) still picks its own option.
 */
import fc from 'fast-check';
import { WHATSAPP_LIMITS } from '../../src/chatwoot/channel';
import { fitWords, renderReply } from '../../src/chatwoot/render';
import { whatsappRefusal } from '../../src/sandbox/bot-api';
import { matchOption } from '../../src/dialogue/choices';
import type { Option } from '../../src/dialogue/port';

const render = (options: Option[], text = 'Which room would you like?') => renderReply({ kind: 'options', text, options }, 'whatsapp');
const items = (m: ReturnType<typeof render>) => (m.content_attributes?.items ?? []) as Array<{ title: string; value: string }>;
const chars = (s: string) => [...s].length;

/** The short title is the start of the full name and ends where a word ends. */
const wholeWords = (short: string, full: string) => full.startsWith(short) && (full.length === short.length || /[\s\-–·,]/.test(full[short.length]));

// Option sets as the dialogue writes them: "<room> – <price>" and the price as a description.
const roomsInEuro: Option[] = [
  { title: 'Single Room – 340 EUR in total', value: 'room:single' },
  { title: 'Double Room – 360 EUR in total for 2 rooms', value: 'room:double' },
  { title: 'Twin Room – 380 EUR in total', value: 'room:twin' },
  { title: 'Sea View Suite – 1.240 EUR in total', value: 'room:suite' },
  { title: 'Family Room – 520 EUR in total', value: 'room:family' },
];
const longNames: Option[] = [
  { title: 'Deluxe Double Room with Sea View and Balcony', description: '1,234.50 USD in total for 3 nights', value: 'room:deluxe' },
  { title: 'Superior Twin Room with Garden Terrace', description: 'CHF 2’480.00 in total', value: 'room:twin' },
  { title: 'Junior Suite Panorama & Jacuzzi', description: '¥48,000 in total', value: 'room:junior' },
  { title: 'Habitación Doble Estándar con Vistas al Jardín', description: '245,00 € en total', value: 'room:doble' },
];
const threeLong: Option[] = [
  { title: 'Double Room – 360 EUR in total for 2 rooms', value: 'room:double' },
  { title: 'Family Room – 1,520.75 GBP in total', value: 'room:family' },
  { title: 'Sea View Suite – 9.999,00 BRL no total', value: 'room:suite' },
];

describe('WhatsApp option lists', () => {
  it.each([
    ['five rooms in euros (a list)', roomsInEuro, WHATSAPP_LIMITS.rowTitle],
    ['long room names with prices in several currencies (a list)', longNames, WHATSAPP_LIMITS.rowTitle],
    ['three rooms (reply buttons)', threeLong, WHATSAPP_LIMITS.buttonTitle],
  ])('%s: titles fit, whole words, price in the text, a tap picks its option', (_name, options, max) => {
    const m = render(options);
    expect(m.content_type).toBe('input_select');
    expect(whatsappRefusal(items(m))).toBeUndefined();
    items(m).forEach((item, i) => {
      const name = options[i].description ? options[i].title : options[i].title.split(/ [–·] /)[0];
      expect(chars(item.title)).toBeLessThanOrEqual(max);
      expect(item.title).not.toMatch(/…$/);
      expect(wholeWords(item.title, name)).toBe(true);
      expect(item.value).toBe(options[i].value);
      expect(matchOption(item.title, options)).toBe(options[i]);
      const price = options[i].description ?? options[i].title.split(/ [–·] /)[1];
      expect(m.content).toContain(price);
    });
  });

  it('names the rooms in full in the text when a title had to be shortened', () => {
    const m = render(longNames);
    expect(items(m)[0].title).toBe('Deluxe Double Room'); // not "Deluxe Double Room with"
    expect(m.content).toContain('• Deluxe Double Room with Sea View and Balcony: 1,234.50 USD in total for 3 nights');
  });

  it('short titles stay as they are, with no text added', () => {
    const m = render([
      { title: 'Confirm booking', value: 'confirm:yes' },
      { title: 'Change something', value: 'confirm:change' },
      { title: 'Cancel', value: 'confirm:no' },
    ], 'Please check your booking');
    expect(items(m).map((i) => i.title)).toEqual(['Confirm booking', 'Change something', 'Cancel']);
    expect(m.content).toBe('Please check your booking');
  });

  it('falls back to a numbered list when shortened titles could not be told apart, or beyond 10 options', () => {
    const alike = render([
      { title: 'Double Room with Sea View', value: 'a' },
      { title: 'Double Room with City View', value: 'b' },
    ]);
    expect(alike.content_type).toBeUndefined();
    expect(alike.content).toMatch(/1\. Double Room with Sea View\n2\. Double Room with City View/);
    const eleven = render(Array.from({ length: 11 }, (_, i) => ({ title: `Room ${i + 1}`, value: `r${i}` })));
    expect(eleven.content_type).toBeUndefined();
  });

  it('an agent payload with long titles is fitted the same way', () => {
    const m = renderReply({ kind: 'raw', message: { content: 'Pick one', content_type: 'input_select', content_attributes: { items: threeLong.map(({ title, value }) => ({ title, value })) } } }, 'whatsapp');
    for (const i of items(m)) expect(chars(i.title)).toBeLessThanOrEqual(WHATSAPP_LIMITS.buttonTitle);
  });

  it('the sandbox fails what WhatsApp would refuse', () => {
    expect(whatsappRefusal([{ title: 'Double Room – 360 EUR i' }])).toMatch(/longer than 20/);
    expect(whatsappRefusal(Array.from({ length: 11 }, () => ({ title: 'x' })))).toMatch(/at most 10/);
  });

  it('fitWords never cuts a word and never exceeds the limit (property)', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9€¥.,’]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.integer({ min: 12, max: 72 }), (words, max) => {
        const text = words.join(' ');
        const fitted = fitWords(text, max);
        // Nothing fits only when the first word is too long, leads into the next, or is only punctuation (",").
        if (fitted === undefined) return chars(words[0]) > max || /^(with|and|of|the|for|in|a|an|de|con|y|et|mit|und)$/i.test(words[0]) || /^[\s\-–—·:,;(.]+$/u.test(words[0]);
        return chars(fitted) <= max && wholeWords(fitted, text);
      }),
    );
  });
});

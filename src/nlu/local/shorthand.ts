/**
 * Chat shorthand read as the words it stands for, before classifying and extracting: "dbl 2ppl 3 nts" is "double
 * 2 ppl 3 nights". English only (the other languages' models see their text as written). Word-anchored patterns,
 * linear in the text's length.
 */
const WORDS: Record<string, string> = {
  dbl: 'double',
  dbls: 'doubles',
  sgl: 'single',
  sngl: 'single',
  twn: 'twin',
  rm: 'room',
  rms: 'rooms',
  nt: 'night',
  nts: 'nights',
  nite: 'night',
  nites: 'nights',
  nghts: 'nights',
  nigths: 'nights',
  resa: 'reservation',
  rsvn: 'reservation',
  avail: 'available',
};

export function expandShorthand(text: string, language: string): string {
  if (!language.toLowerCase().startsWith('en')) return text;
  return (
    text
      // "2ppl", "3nts", "2pax": a count glued to its word.
      .replace(/\b(\d{1,2})(ppl|pax|people|persons|adults|guests|nights|nts|nites|rooms|rms)\b/gi, '$1 $2')
      // "for 2n": nights.
      .replace(/\b(\d{1,2})n\b/gi, '$1 nights')
      .replace(/\b[a-z]+\b/gi, (w) => WORDS[w.toLowerCase()] ?? w)
  );
}

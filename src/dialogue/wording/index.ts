/** The catalogs by language; a language without a catalog gets the hotel's, then English. */
import { de } from './de';
import { en, type Wording } from './en';
import { es } from './es';
import { fr } from './fr';
import { pt } from './pt';

const CATALOGS: Record<string, Wording> = { en, es, pt, de, fr };

export const WORDING_LANGUAGES = Object.keys(CATALOGS);

export function wordingFor(language: string | undefined, hotelLanguage: string): Wording {
  const base = (language ?? '').toLowerCase().slice(0, 2);
  return CATALOGS[base] ?? CATALOGS[hotelLanguage.toLowerCase().slice(0, 2)] ?? en;
}

export type { Wording };

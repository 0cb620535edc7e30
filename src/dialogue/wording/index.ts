/** The catalogs by language; a language without a catalog gets the hotel's, then English. */
import { en, type Wording } from './en';

const CATALOGS: Record<string, Wording> = { en };

export const WORDING_LANGUAGES = Object.keys(CATALOGS);

export function wordingFor(language: string | undefined, hotelLanguage: string): Wording {
  const base = (language ?? '').toLowerCase().slice(0, 2);
  return CATALOGS[base] ?? CATALOGS[hotelLanguage] ?? en;
}

export type { Wording };

/** English calendar words, as regular-expression alternations (the arithmetic is in src/time/dates.ts). */

/** English month names and their abbreviations, as a regular-expression alternation without capturing groups. */
export const MONTH_NAMES =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
/** English weekday names and their abbreviations, likewise. */
export const WEEKDAY_NAMES =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun';

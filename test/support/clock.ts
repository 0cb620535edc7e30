/**
 * "Today" for every test that books or reads dates: a fixed day, never the machine's date. `TEST_TODAY=YYYY-MM-DD`
 * runs the suite as if it were that day (the README shows it at month and year ends and on a leap day).
 */
import { fixedClock, type Clock } from '../../src/time/clock';
import { addDays } from '../../src/time/dates';

export const DEFAULT_TEST_TODAY = '2027-03-10';

export function testToday(): string {
  const day = process.env.TEST_TODAY ?? DEFAULT_TEST_TODAY;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`TEST_TODAY must be YYYY-MM-DD, got "${day}"`);
  return day;
}

/** Noon UTC of the test day: the same calendar day in every hotel zone from UTC-11 to UTC+11. */
export function testClock(day: string = testToday()): Clock {
  return fixedClock(`${day}T12:00:00Z`);
}

/** A date `days` after the test day (a stay that is always ahead, whatever TEST_TODAY says). */
export function daysAfterTestToday(days: number): string {
  return addDays(testToday(), days);
}

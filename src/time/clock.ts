/**
 * The clock port: "now" enters the product here, never through `new Date()` in a flow or SQL `now()` in a business
 * rule, so that what counts as "today" for a guest is an input every test can fix.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at one instant (tests, replays, `--date` on the command line). */
export function fixedClock(at: Date | string): Clock {
  const instant = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(instant.getTime())) throw new Error(`fixedClock: "${String(at)}" is not a date`);
  return { now: () => new Date(instant.getTime()) };
}

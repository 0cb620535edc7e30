/** Dialogflow-style date values: noon on the calendar day, with the zone's UTC offset that day. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset', hour: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** "+01:00" for Europe/Madrid in winter; "+00:00" for UTC. */
export function utcOffset(date: string, timeZone: string): string {
  const noonUtc = new Date(`${date}T12:00:00Z`);
  const name = formatter(timeZone).formatToParts(noonUtc).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{1,2})(?::?(\d{2}))?/.exec(name);
  if (!m) return '+00:00';
  return `${m[1]}${m[2].padStart(2, '0')}:${m[3] ?? '00'}`;
}

/** "2026-12-03T12:00:00+01:00", as @sys.date comes back from Dialogflow. */
export function dialogflowDate(date: string, timeZone: string): string {
  return `${date}T12:00:00${utcOffset(date, timeZone)}`;
}

/** Agenda days are Paris calendar days, not UTC days (docs/api.md, "Journal", agenda). Pure: Intl only. */
const PARIS_OFFSET = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', timeZoneName: 'shortOffset' });

/** Minutes east of UTC in Paris at that instant ("GMT+1" → 60, "GMT+2" → 120). */
const parisOffsetMinutes = (at: Date): number => {
  const name = PARIS_OFFSET.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d+)(?::(\d+))?/.exec(name);
  return m ? Number(m[1]) * 60 + Math.sign(Number(m[1])) * Number(m[2] ?? 0) : 0;
};

/** The instant a Paris calendar day (yyyy-mm-dd) starts. */
export const parisMidnight = (day: string): Date => {
  const utc = Date.parse(`${day}T00:00:00Z`);
  return new Date(utc - parisOffsetMinutes(new Date(utc)) * 60_000);
};

/** The calendar day after (yyyy-mm-dd). */
export const nextCalendarDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

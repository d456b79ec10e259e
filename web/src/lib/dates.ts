/**
 * Calendar arithmetic for the journal and the agenda. Days are `yyyy-mm-dd` strings of the Paris calendar (as every
 * date shown by Jalon); date-time fields are the browser's local time (the workstation is in Paris).
 */

const TZ = 'Europe/Paris';
const pad = (n: number) => String(n).padStart(2, '0');

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });
const timeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: TZ, hour: '2-digit', minute: '2-digit' });
const longDayFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const shortDayFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});

/** The Paris calendar day of an instant. */
export const parisDay = (iso: string | Date): string => dayFormat.format(typeof iso === 'string' ? new Date(iso) : iso);

/** "14:30", Paris time. */
export const parisTime = (iso: string): string => timeFormat.format(new Date(iso));

/** Today in Paris. */
export const todayDay = (): string => parisDay(new Date());

const utcOf = (day: string) => new Date(`${day}T00:00:00Z`);

export const isDay = (s: string | null | undefined): s is string =>
  Boolean(s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(utcOf(s).getTime()));

export const addDays = (day: string, n: number): string => {
  const d = utcOf(day);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** The Monday of the week of `day`. */
export const weekStart = (day: string): string => addDays(day, -((utcOf(day).getUTCDay() + 6) % 7));

/** "lundi 3 mars 2025". */
export const longDay = (day: string): string => longDayFormat.format(utcOf(day));

/** "lun. 3 mars". */
export const shortDay = (day: string): string => shortDayFormat.format(utcOf(day));

/** `yyyy-mm-ddThh:mm` for a datetime-local field, in the browser's time. */
export const toLocalInput = (d: Date): string =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** A datetime-local value back to an ISO instant; null when incomplete. */
export const fromLocalInput = (value: string): string | null => {
  const d = new Date(value);
  return value && !Number.isNaN(d.getTime()) ? d.toISOString() : null;
};

/** "1 h 30", "45 min". */
export const formatDuration = (minutes: number | null | undefined): string => {
  if (!minutes) return '';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${pad(m)}` : `${h} h`;
};

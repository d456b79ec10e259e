/** French display of dates and names; storage formats stay ISO. */

/** `yyyy-mm-dd` → `jj/mm/aaaa`, without going through Date (no timezone shift on birth dates). */
export const formatDate = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
};

const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});

/** An instant (ISO timestamp) shown in Paris time. */
export const formatDateTime = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormat.format(d);
};

/** An empty value is shown as a dash, so a blank cell is never ambiguous. */
export const dash = (value: string | null | undefined): string => (value && value.trim() ? value : '—');

/** Today as yyyy-mm-dd in local time (the default of date fields). */
export const today = (): string => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

import { addDays, parisDay } from '../../../lib/dates';
import type { AgendaItemDto } from '../types';
import { useAgenda } from '../api/get-agenda';

/**
 * The appointments of a span of Paris days, by day. The server cuts days in UTC: one day more on each side, then
 * the days are cut again here in Paris time.
 */
export const useAgendaDays = (first: string, last: string, workerId?: string) => {
  const query = useAgenda(addDays(first, -1), addDays(last, 1), workerId);
  const byDay = new Map<string, AgendaItemDto[]>();
  for (const item of query.data?.items ?? []) {
    const day = parisDay(item.startsAt);
    if (day < first || day > last) continue;
    const list = byDay.get(day);
    if (list) list.push(item);
    else byDay.set(day, [item]);
  }
  return { query, byDay };
};

import { nextCalendarDay, parisMidnight, type AbsenceDto } from '@jalon/core';
import { useAbsences } from '../api/absences';
import { addDays } from '../../../lib/dates';

/** The part of an absence on one Paris day, in minutes since that day's midnight (0–1440). */
export interface AbsenceSlice {
  absence: AbsenceDto;
  fromMinute: number;
  toMinute: number;
}

/** Absences cut into Paris days: a week's leave shows on each of its days. */
export function sliceByDay(absences: readonly AbsenceDto[], first: string, last: string) {
  const byDay = new Map<string, AbsenceSlice[]>();
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const start = parisMidnight(day).getTime();
    const end = parisMidnight(nextCalendarDay(day)).getTime();
    for (const a of absences) {
      const from = Math.max(Date.parse(a.startsAt), start);
      const to = Math.min(Date.parse(a.endsAt), end);
      if (to <= from) continue;
      const slice = { absence: a, fromMinute: (from - start) / 60_000, toMinute: (to - start) / 60_000 };
      byDay.set(day, [...(byDay.get(day) ?? []), slice]);
    }
  }
  return byDay;
}

/** The declared absences of the days shown (mine, or the site's / one worker's in the site view). */
export const useAbsenceDays = (first: string, last: string, workerId?: string) => {
  const query = useAbsences(first, last, workerId);
  return {
    absencesQuery: query,
    absences: query.data?.items ?? [],
    absencesByDay: sliceByDay(query.data?.items ?? [], first, last),
  };
};

import { StatisticsError } from './errors.js';
import { monthFromIndex, monthIndex } from './months.js';

/**
 * Differencing protection (docs/api.md, Statistics): every statistics query is normalised to whole calendar months, whole sites and
 * whole arrondissements before it reaches the aggregates. Two queries can then only differ by whole months or whole
 * sites/arrondissements, and the difference of their results is a count that a legitimate (and itself protected)
 * query could show — never the one person who arrived on a given day or belongs to a given team.
 *
 * Period rule: each boundary moves to the nearest start of a month (the 1st–16th of a 31-day month go back to the
 * 1st of that month, later days forward to the 1st of the next; ties go back). So "March", "March plus the 1st of
 * April" and "March minus the 31st" are the same query. A period that would collapse to nothing (shorter than about
 * a month) becomes the month containing its middle day. Dates are calendar dates (`YYYY-MM-DD`), no time zone.
 *
 * Anything other than `from`, `to`, `siteIds`, `arrondissements` is refused (`filter_too_fine`): an allowlist, so a
 * new finer filter (team, worker, street, IRIS, day of week…) cannot slip through unnoticed.
 */
export interface StatisticsFilterInput {
  from: string;
  to: string;
  siteIds?: readonly string[];
  arrondissements?: readonly number[];
}

export interface StatisticsFilter {
  /** First month included, `YYYY-MM`. */
  fromMonth: string;
  /** Last month included, `YYYY-MM`. */
  toMonth: string;
  /** `[from, toExclusive)` as dates, for SQL: `date >= from and date < toExclusive`. */
  from: string;
  toExclusive: string;
  /** Sorted, without duplicates; empty = every site in the caller's scope. */
  siteIds: string[];
  /** Sorted, without duplicates, 1–20; empty = every arrondissement. */
  arrondissements: number[];
  /** Canonical form: equal keys ⇔ equal queries (cache key, audit). */
  key: string;
}

const ALLOWED_KEYS = new Set(['from', 'to', 'siteIds', 'arrondissements']);

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const dayNumber = ({ y, m, d }: Ymd) => Date.UTC(y, m - 1, d) / 86_400_000;
const fromDayNumber = (n: number): Ymd => {
  const dt = new Date(n * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
};

/** Years the aggregates and the database make sense of (docs/security.md, Bad input). */
export const STAT_MIN_YEAR = 1900;
export const STAT_MAX_YEAR = 2100;

const parseDate = (s: unknown, field: 'from' | 'to'): Ymd => {
  const ymd = parseYmd(s, field);
  if (ymd.y < STAT_MIN_YEAR || ymd.y > STAT_MAX_YEAR)
    throw new StatisticsError(
      'invalid_period',
      `Date ${field === 'from' ? 'de début' : 'de fin'} hors limites : année de ${STAT_MIN_YEAR} à ${STAT_MAX_YEAR}`,
      field,
    );
  return ymd;
};

const parseYmd = (s: unknown, field: 'from' | 'to'): Ymd => {
  const label = field === 'from' ? 'de début' : 'de fin';
  if (typeof s !== 'string') throw new StatisticsError('invalid_period', `Date ${label} manquante`, field);
  const month = /^(\d{4})-(\d{2})$/.exec(s);
  if (month) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    if (m >= 1 && m <= 12) return { y, m, d: field === 'from' ? 1 : daysIn(y, m) };
  }
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    if (m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)) return { y, m, d };
  }
  throw new StatisticsError('invalid_period', `Date ${label} invalide : saisissez jj/mm/aaaa`, field);
};

/** A day boundary (start of day `d`) rounded to the nearest start of month, as a month index. */
const nearestMonthStart = (b: Ymd): number => {
  const after = b.d - 1;
  const before = daysIn(b.y, b.m) - after;
  return monthIndex(b) + (after <= before ? 0 : 1);
};

export const normaliseFilter = (input: StatisticsFilterInput): StatisticsFilter => {
  const raw = input as unknown as Record<string, unknown>;
  if (typeof raw !== 'object' || raw === null) throw new StatisticsError('invalid_filter', 'Filtre invalide');
  for (const k of Object.keys(raw))
    if (!ALLOWED_KEYS.has(k))
      throw new StatisticsError(
        'filter_too_fine',
        `Filtre « ${k} » refusé : les statistiques se filtrent par mois civil, site entier ou arrondissement entier, jamais plus finement`,
        k,
      );
  const from = parseDate(raw.from, 'from');
  const to = parseDate(raw.to, 'to');
  if (dayNumber(from) > dayNumber(to))
    throw new StatisticsError('invalid_period', 'La date de début est postérieure à la date de fin', 'from');
  const end = fromDayNumber(dayNumber(to) + 1);
  let first = nearestMonthStart(from);
  let afterLast = nearestMonthStart(end);
  if (afterLast <= first) {
    first = monthIndex(fromDayNumber(Math.floor((dayNumber(from) + dayNumber(to)) / 2)));
    afterLast = first + 1;
  }
  const siteIds = [...new Set(list(raw.siteIds, 'siteIds'))].map((s) => {
    if (typeof s !== 'string' || s.length === 0 || s.length > 100)
      throw new StatisticsError('invalid_filter', 'Identifiant de site invalide', 'siteIds');
    return s;
  });
  const arrondissements = [...new Set(list(raw.arrondissements, 'arrondissements'))].map((a) => {
    if (typeof a !== 'number' || !Number.isInteger(a) || a < 1 || a > 20)
      throw new StatisticsError(
        'invalid_filter',
        'Arrondissement invalide : un entier de 1 à 20 est attendu',
        'arrondissements',
      );
    return a;
  });
  siteIds.sort();
  arrondissements.sort((a, b) => a - b);
  const fromMonth = monthFromIndex(first);
  const toMonth = monthFromIndex(afterLast - 1);
  return {
    fromMonth,
    toMonth,
    from: `${fromMonth}-01`,
    toExclusive: `${monthFromIndex(afterLast)}-01`,
    siteIds,
    arrondissements,
    key: `${fromMonth}..${toMonth}|sites:${siteIds.join(',')}|arr:${arrondissements.join(',')}`,
  };
};

const list = (v: unknown, field: string): unknown[] => {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new StatisticsError('invalid_filter', 'Liste attendue', field);
  return v;
};

import {
  assertGroupingAllowed,
  GROUP_BYS,
  INDICATOR_IDS,
  monthFromIndex,
  monthIndex,
  normaliseFilter,
  StatisticsError,
  type GroupBy,
  type StatisticsFilter,
  Uuid,
} from '@jalon/core';
import { z } from 'zod';
import { AppError, parse } from '../../errors.js';

/**
 * Query parameters of the statistics routes. The order of the checks is the protection's: a grouping naming a worker
 * or a person is refused first (grouping_refused), then any filter other than period / site / arrondissement
 * (filter_too_fine, core/src/statistics/filters.ts), then the values.
 */
export const asAppError = (err: unknown): never => {
  if (err instanceof StatisticsError)
    throw new AppError(422, err.code, err.message, err.field ? { [err.field]: err.message } : undefined);
  throw err;
};

const list = (v: unknown): string[] | undefined => {
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string')
    throw new AppError(400, 'validation_error', 'Liste invalide : valeurs séparées par des virgules attendues');
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
};

const parisMonthOf = (d: Date) => {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' })
    .format(d)
    .split('-');
  return { y: Number(y), m: Number(m) };
};

/** The current month (Paris), `YYYY-MM`. */
export const currentMonthOf = (now: Date) => monthFromIndex(monthIndex(parisMonthOf(now)));

/** Default period: the current calendar year (a published period, docs/adr/009-statistics-disclosure-control.md). */
export const defaultPeriod = (now: Date) => {
  const y = parisMonthOf(now).y;
  return { from: `${y}-01`, to: `${y}-12` };
};

/**
 * The published periods: one calendar month or one calendar year, nothing else (docs/security.md, Statistics):
 * two periods either do not overlap or one is a whole month of the other, which its family publishes anyway.
 */
export interface PublishedPeriod {
  kind: 'month' | 'year';
  /** `YYYY-MM` for a month. */
  month: string | null;
  year: number;
}

export const publishedPeriod = (f: StatisticsFilter): PublishedPeriod => {
  const year = Number(f.fromMonth.slice(0, 4));
  if (year < 1900 || year > 2100 || Number(f.toMonth.slice(0, 4)) > 2100)
    throw new AppError(422, 'invalid_period', 'Année invalide : entre 1900 et 2100', { from: 'Année invalide' });
  if (f.fromMonth === f.toMonth) return { kind: 'month', month: f.fromMonth, year };
  if (f.fromMonth === `${year}-01` && f.toMonth === `${year}-12`) return { kind: 'year', month: null, year };
  throw new AppError(
    422,
    'period_not_published',
    'Période non publiée : les statistiques portent sur un mois civil ou sur une année civile',
    { from: 'Un mois ou une année civile', to: 'Un mois ou une année civile' },
  );
};

/** The place a filter names, as a row of a published breakdown: one site or one arrondissement, or the whole scope. */
export const placeOf = (
  f: StatisticsFilter,
  scopeSites: string[] | null,
): { table: 'site' | 'arrondissement'; row: string } | null => {
  const wholeScope = f.siteIds.length === 0 || (scopeSites !== null && scopeSites.every((s) => f.siteIds.includes(s)));
  if (!wholeScope && f.siteIds.length > 1)
    throw new AppError(422, 'filter_not_published', 'Un seul site, ou tous les sites : pas de sélection de plusieurs', {
      siteIds: 'Un site ou tous',
    });
  if (f.arrondissements.length > 1)
    throw new AppError(422, 'filter_not_published', 'Un seul arrondissement, ou tous : pas de sélection de plusieurs', {
      arrondissements: 'Un arrondissement ou tous',
    });
  if (!wholeScope && f.arrondissements.length)
    throw new AppError(422, 'filter_not_published', 'Un site ou un arrondissement, pas les deux', {
      arrondissements: 'Un site ou un arrondissement',
    });
  if (!wholeScope) return { table: 'site', row: f.siteIds[0]! };
  if (f.arrondissements.length) return { table: 'arrondissement', row: String(f.arrondissements[0]) };
  return null;
};

const BaseQuery = z.object({
  from: z.string().max(20).optional(),
  to: z.string().max(20).optional(),
  siteIds: z.string().max(4000).optional(),
  arrondissements: z.string().max(200).optional(),
});

/** Period and places, normalised to whole months, whole sites, whole arrondissements. */
export const parseFilter = (query: unknown, now: Date, extraKeys: readonly string[]): StatisticsFilter => {
  const raw = { ...((query ?? {}) as Record<string, unknown>) };
  for (const k of extraKeys) delete raw[k];
  const q = parse(BaseQuery.passthrough(), raw);
  const period = defaultPeriod(now);
  const arr = list(q.arrondissements)?.map((a) => (/^\d{1,2}$/.test(a) ? Number(a) : Number.NaN));
  const input: Record<string, unknown> = { ...q, from: q.from ?? period.from, to: q.to ?? period.to };
  if (q.siteIds !== undefined) input.siteIds = list(q.siteIds) ?? [];
  // A site is named by its id: anything else never reaches the database, whose uuid cast would fail (a 500).
  if ((input.siteIds as string[] | undefined)?.some((id) => !Uuid.safeParse(id).success))
    throw new AppError(422, 'invalid_filter', 'Identifiant de site invalide', {
      siteIds: 'Identifiant de site invalide',
    });
  if (q.arrondissements !== undefined) input.arrondissements = arr ?? [];
  try {
    return normaliseFilter(input as never);
  } catch (err) {
    return asAppError(err);
  }
};

const groupByOf = (v: unknown): GroupBy | null => {
  if (v === undefined || v === '') return null;
  if (typeof v !== 'string' || v.length > 60) throw new AppError(400, 'validation_error', 'Regroupement invalide');
  try {
    assertGroupingAllowed([v]);
  } catch (err) {
    asAppError(err);
  }
  if (!(GROUP_BYS as readonly string[]).includes(v))
    throw new AppError(
      422,
      'grouping_refused',
      `Regroupement « ${v} » inconnu : par arrondissement, par site ou par mois seulement`,
      { groupBy: 'Regroupement inconnu : par arrondissement, par site ou par mois' },
    );
  return v as GroupBy;
};

const TableOnly = z.object({
  indicator: z.enum(INDICATOR_IDS, { error: 'Indicateur inconnu : choisissez un indicateur de la liste' }),
  category: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[\w-]+$/, { error: 'Catégorie invalide' })
    .optional(),
  compare: z.enum(['0', '1'], { error: 'compare : 0 ou 1' }).optional(),
});

export interface TableParams {
  indicator: string;
  groupBy: GroupBy | null;
  category: string | null;
  compare: boolean;
  filter: StatisticsFilter;
}

export const parseTableParams = (query: unknown, now: Date): TableParams => {
  const raw = (query ?? {}) as Record<string, unknown>;
  const groupBy = groupByOf(raw.groupBy);
  const own = parse(TableOnly, { indicator: raw.indicator, category: raw.category, compare: raw.compare });
  const filter = parseFilter(raw, now, ['indicator', 'groupBy', 'category', 'compare']);
  return { indicator: own.indicator, groupBy, category: own.category ?? null, compare: own.compare === '1', filter };
};

const ReportQuery = z
  .object({
    siteId: z.uuid({ error: 'Site invalide' }),
    year: z.coerce
      .number({ error: 'Année invalide' })
      .int()
      .min(2000, { error: 'Année invalide' })
      .max(2100, { error: 'Année invalide' }),
  })
  .strict();
export const parseReportParams = (query: unknown) => parse(ReportQuery, query);

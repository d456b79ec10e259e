import {
  cellKey,
  GRAND_KEY,
  marginKey,
  protectFamily,
  rowTotalKey,
  type FamilyTable,
  type ProtectedFamily,
} from '../statistics/family.js';
import { frenchNumber, isSuppressed, publishedValueText } from '../statistics/published.js';
import { euros } from './payment-file.js';
import { DECISION_OUTCOMES, type DecisionOutcome } from './schemas.js';

/**
 * Aid statistics (docs/api.md, "Statistiques des aides"): applications, decisions, amounts granted and delays per aid
 * type, site and month of one calendar year, under the statistics' disclosure control (docs/adr/009): each count is
 * a family (by month, by site, and by decision for the decisions) protected as one structure by `protectFamily`; an
 * amount or a mean delay is published only where the count it sums over is published and at least the threshold,
 * with the same suppression pattern (the sums share the counts' additive structure). No breakdown by worker exists.
 * Pure.
 */
export interface AidStatRecord {
  aidType: string;
  siteId: string;
  /** yyyy-mm of the dépôt, or null. */
  depositMonth: string | null;
  /** yyyy-mm of the decision, or null. */
  decisionMonth: string | null;
  outcome: DecisionOutcome | null;
  amountCents: number | null;
  /** Days from dépôt to decision, when both are known. */
  delayDays: number | null;
}

export interface AidStatTable {
  key: string;
  title: string;
  rowTitle: string;
  cols: string[];
  rows: { label: string; values: string[]; total: string }[];
  total: { values: string[]; total: string };
  /** Why nothing is published, or null. */
  withheld: string | null;
}

export interface AidStatisticsDto {
  year: number;
  threshold: number;
  tables: AidStatTable[];
}

export interface AidStatInput {
  year: number;
  records: readonly AidStatRecord[];
  aidTypes: readonly { code: string; label: string }[];
  sites: readonly { id: string; name: string }[];
  thresholds?: { primary: number; sensitive: number };
}

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
const MONTH_LABELS = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];

type Dim = {
  key: string;
  title: string;
  rows: readonly string[];
  labels: readonly string[];
  of: (r: AidStatRecord, month: string) => string;
};

interface Measure {
  records: AidStatRecord[];
  month: (r: AidStatRecord) => string;
  value: (r: AidStatRecord) => number;
}

function sums(dims: readonly Dim[], cols: readonly string[], m: Measure): Map<string, number> {
  const out = new Map<string, number>();
  const add = (k: string, v: number) => out.set(k, (out.get(k) ?? 0) + v);
  for (const r of m.records) {
    const v = m.value(r);
    add(marginKey(r.aidType), v);
    add(GRAND_KEY, v);
    for (const d of dims) {
      const row = d.of(r, m.month(r));
      add(cellKey(d.key, row, r.aidType), v);
      add(rowTotalKey(d.key, row), v);
    }
  }
  for (const c of cols) if (!out.has(marginKey(c))) out.set(marginKey(c), 0);
  return out;
}

function familyOf(dims: readonly Dim[], cols: readonly string[], counts: Map<string, number>): FamilyTable[] {
  return dims.map((d) => ({
    key: d.key,
    rows: [...d.rows],
    cells: d.rows.map((r) => cols.map((c) => counts.get(cellKey(d.key, r, c)) ?? 0)),
  }));
}

/** A table of the family, each entry printed by `text` (a count, or a sum published on the count's status). */
function render(
  p: ProtectedFamily,
  d: Dim,
  cols: readonly string[],
  colLabels: readonly string[],
  title: string,
  text: (key: string) => string,
): AidStatTable {
  const withheld = p.withheld;
  return {
    key: `${title}|${d.key}`,
    title: `${title} par ${d.title}`,
    rowTitle: d.title,
    cols: [...colLabels],
    rows: d.rows.map((r, i) => ({
      label: d.labels[i] ?? r,
      values: cols.map((c) => (withheld ? '' : text(cellKey(d.key, r, c)))),
      total: withheld ? '' : text(rowTotalKey(d.key, r)),
    })),
    total: { values: cols.map((c) => (withheld ? '' : text(marginKey(c)))), total: withheld ? '' : text(GRAND_KEY) },
    withheld,
  };
}

/** The breakdowns of one year: by month, by site of the scope, by decision. */
function dimsOf(year: string, sites: AidStatInput['sites']): { byMonth: Dim; bySite: Dim; byOutcome: Dim } {
  const outcomes = Object.keys(DECISION_OUTCOMES) as DecisionOutcome[];
  return {
    byMonth: {
      key: 'mois',
      title: 'mois',
      rows: MONTHS,
      labels: MONTH_LABELS.map((m) => `${m} ${year}`),
      of: (_r, m) => m,
    },
    bySite: {
      key: 'site',
      title: 'site',
      rows: sites.map((s) => s.id),
      labels: sites.map((s) => s.name),
      of: (r) => r.siteId,
    },
    byOutcome: {
      key: 'decision',
      title: 'décision',
      rows: outcomes,
      labels: outcomes.map((o) => DECISION_OUTCOMES[o]),
      of: (r) => r.outcome ?? 'ajournement',
    },
  };
}

/** The applications deposited, decided and granted in the year (each counted in the month of its event). */
function measuresOf(records: readonly AidStatRecord[], year: string) {
  const one = () => 1;
  const deposits: Measure = {
    records: records.filter((r) => r.depositMonth?.startsWith(`${year}-`)),
    month: (r) => (r.depositMonth ?? '').slice(5, 7),
    value: one,
  };
  const decided: Measure = {
    records: records.filter((r) => r.outcome !== null && r.decisionMonth?.startsWith(`${year}-`)),
    month: (r) => (r.decisionMonth ?? '').slice(5, 7),
    value: one,
  };
  const granted: Measure = {
    ...decided,
    records: decided.records.filter(
      (r) => (r.outcome === 'accord' || r.outcome === 'accord_partiel') && (r.amountCents ?? 0) > 0,
    ),
  };
  return { deposits, decided, granted };
}

const countText = (p: ProtectedFamily) => (k: string) => publishedValueText(p.value(k), p.threshold, frenchNumber);
/** A sum over a count: shown where that count is published and reaches the threshold. */
const sumText =
  (p: ProtectedFamily, counts: Map<string, number>, s: Map<string, number>, f: (sum: number, n: number) => string) =>
  (k: string) => {
    const v = p.value(k);
    if (isSuppressed(v)) return publishedValueText(v, p.threshold);
    if (v === 0) return '—';
    if ((counts.get(k) ?? 0) < p.threshold) return `< ${p.threshold}`;
    return f(s.get(k) ?? 0, v);
  };

export function aidStatistics(input: AidStatInput): AidStatisticsDto {
  const y = String(input.year);
  const cols = input.aidTypes.map((t) => t.code);
  const colLabels = input.aidTypes.map((t) => t.label);
  const known = new Set(cols);
  const siteIds = input.sites.map((s) => s.id);
  const inScope = input.records.filter((r) => known.has(r.aidType) && siteIds.includes(r.siteId));
  const { byMonth, bySite, byOutcome } = dimsOf(y, input.sites);
  const { deposits, decided, granted } = measuresOf(inScope, y);
  const protect = (dims: Dim[], m: Measure) => {
    const counts = sums(dims, cols, m);
    const p = protectFamily(
      { colVar: 'typeAide', cols: [...cols], tables: familyOf(dims, cols, counts), sensitive: false },
      new Map(),
      input.thresholds,
    );
    return { p, counts };
  };
  const table = (p: ProtectedFamily, title: string, text: (k: string) => string) => (dim: Dim) =>
    render(p, dim, cols, colLabels, title, text);
  const a = protect([byMonth, bySite], deposits);
  const d = protect([byMonth, bySite, byOutcome], decided);
  const g = protect([byMonth, bySite], granted);
  const amounts = sums([byMonth, bySite], cols, { ...granted, value: (r) => r.amountCents ?? 0 });
  const delays = sums([byMonth, bySite, byOutcome], cols, { ...decided, value: (r) => r.delayDays ?? 0 });
  const tables: AidStatTable[] = [
    ...[byMonth, bySite].map(table(a.p, 'Demandes déposées', countText(a.p))),
    ...[byOutcome, byMonth, bySite].map(table(d.p, 'Décisions', countText(d.p))),
    ...[byMonth, bySite].map(
      table(
        g.p,
        'Montants accordés',
        sumText(g.p, g.counts, amounts, (s) => euros(s)),
      ),
    ),
    ...[byOutcome, bySite].map(
      table(
        d.p,
        'Délai moyen dépôt-décision (jours)',
        sumText(d.p, d.counts, delays, (s, n) => frenchNumber(Math.round(s / n))),
      ),
    ),
  ];
  return { year: input.year, threshold: a.p.threshold, tables };
}

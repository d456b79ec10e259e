import { knowledgeOf, recoverCells, recoverFromKnowledge } from './attack.js';
import { releaseTable, type PublishedTable, type PublishedValue, type Suppression } from './published.js';
import { assertValidTable, entryValues, tableStructure, type StatTable, type Structure } from './table.js';

/**
 * Primary and secondary cell suppression (docs/api.md, Statistics; domain.md §7).
 *
 * Primary: a count of 1 … threshold − 1 persons is hidden, cells and margins alike. Threshold 5, or 11 when the
 * table involves a sensitive variable (the CASD rule for health data, extended to child protection, nationality and
 * every RGPD art. 9 field).
 *
 * Zeros are published. A zero is structural information (no one in that category), τ-ARGUS treats it as safe by
 * default, and suppressing zeros would not hide a person. The cost is that "< 5" then means "1 to 4", which the
 * attack takes into account (see attack.ts). A zero can still disclose a group attribute, e.g. a row where every
 * person falls in a single column; that is attribute disclosure, not a count disclosure, and is left to the choice
 * of the variables crossed (documented limit).
 *
 * Secondary: hidden values must not be recomputable from what is published. Three stages:
 * 1. A line rule, fast and usually enough: every line (row, column, margin line) holding a hidden entry holds at
 *    least two; the added entry is the cheapest non-zero one of the line (fewest new lines to close, then smallest
 *    count, cells before margins).
 * 2. The exact attack of attack.ts on the result. If it still recovers a primary value (a rectangle pinned by the
 *    marks, e.g. "< 5" next to a "secret" of exactly 5 in a row of 6), the cheapest non-zero entry of that value's
 *    lines is hidden too, and both stages run again. A "secret" the attack recovers while every primary value stays
 *    hidden is published instead: the reader computes it anyway, so hiding it only costs information.
 * 3. Pruning: each "secret", largest first, is published again if the attack still recovers nothing without it
 *    (the greedy stages over-hide; this gives back about a quarter of the secondary suppressions on random tables).
 * The loop adds at least one entry per round, so it ends. If even hiding every non-zero entry leaves a recoverable
 * value (e.g. a row of four 1s totalling 4: the marks alone say each is 1), the whole table is withheld.
 */
export interface ProtectOptions {
  /** The table involves santé, enfance en danger, nationality or another art. 9 field. */
  sensitive: boolean;
  /** The thresholds in force (dated parameters `statistics.*Threshold`); 5 and 11 by default. */
  thresholds?: { primary: number; sensitive: number };
}

export const PRIMARY_THRESHOLD = 5;
export const SENSITIVE_THRESHOLD = 11;

/**
 * Stems of variable names that raise the threshold to 11 whatever the caller says: the caller's flag can add
 * sensitivity, never remove it. Matched as substrings of the name, case- and accent-insensitively
 * (`groupeNationalite`, `Santé`, `enfance_en_danger`…). A false match only over-protects.
 */
export const SENSITIVE_VARIABLES = [
  'sante',
  'handicap',
  'maladie',
  'grossesse',
  'psychiatr',
  'addiction',
  'enfanceendanger',
  'informationpreoccupante',
  'protectionenfance',
  'nationalite',
  'paysnaissance',
  'origine',
  'ethni',
  'religion',
  'orientationsexuelle',
  'opinion',
  'syndica',
  'violence',
  'judiciaire',
] as const;

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-zA-Z0-9]/g, '')
    .toLowerCase();

export const involvesSensitiveVariable = (t: { rowVar: string | null; colVar: string }): boolean =>
  [t.rowVar, t.colVar].some((v) => v !== null && SENSITIVE_VARIABLES.some((stem) => norm(v).includes(stem)));

export const thresholdFor = (t: { rowVar: string | null; colVar: string }, opts: ProtectOptions): number =>
  opts.sensitive || involvesSensitiveVariable(t)
    ? (opts.thresholds?.sensitive ?? SENSITIVE_THRESHOLD)
    : (opts.thresholds?.primary ?? PRIMARY_THRESHOLD);

type Status = Suppression | null;

const isPrimaryCount = (v: number, threshold: number) => v > 0 && v < threshold;

/** Entries whose status is already decided by an earlier publication (linked tables): never changed here. */
type Fixed = readonly boolean[];

/** The cheapest entry to hide among `candidates`: fewest lines it would newly open, then smallest count, cells first. */
const cheapest = (
  s: Structure,
  values: readonly number[],
  status: readonly Status[],
  candidates: Iterable<number>,
  fixed: Fixed,
): number | null => {
  let best: number | null = null;
  let bestKey: number[] = [];
  for (const e of candidates) {
    if (status[e] !== null || values[e] === 0 || fixed[e]) continue;
    const opened = s.linesOf[e]!.filter((l) => {
      const line = s.lines[l]!;
      return [line.total, ...line.parts].every((x) => status[x] === null);
    }).length;
    const key = [opened, values[e]!, s.refs[e]!.kind === 'cell' ? 0 : 1, e];
    if (best === null || lexLess(key, bestKey)) {
      best = e;
      bestKey = key;
    }
  }
  return best;
};

const lexLess = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
};

const lineMembers = (s: Structure, l: number) => [s.lines[l]!.total, ...s.lines[l]!.parts];

/** Stage 1: no line with exactly one hidden entry. */
const closeLines = (s: Structure, values: readonly number[], status: Status[], fixed: Fixed): void => {
  for (let changed = true; changed;) {
    changed = false;
    s.lines.forEach((_, l) => {
      const members = lineMembers(s, l);
      if (members.filter((e) => status[e] !== null).length !== 1) return;
      const e = cheapest(s, values, status, members, fixed);
      if (e !== null) {
        status[e] = 'secondary';
        changed = true;
      }
    });
  }
};

const attackStatus = (s: Structure, values: readonly number[], status: readonly Status[], threshold: number) =>
  recoverFromKnowledge(
    s,
    values.map((v, e): ReturnType<typeof knowledgeOf> => {
      const st = status[e];
      return knowledgeOf(st ? ({ suppressed: st } as PublishedValue) : v, threshold, 'labels');
    }),
  );

/** Stage 3: give back every "secret" the attack shows is not needed, largest first (greedy choices over-hide). */
const prune = (s: Structure, values: readonly number[], status: Status[], threshold: number, fixed: Fixed) => {
  const order = status
    .map((_, e) => e)
    .filter((e) => status[e] === 'secondary' && !fixed[e])
    .sort((a, b) => values[b]! - values[a]! || a - b);
  for (const e of order) {
    status[e] = null;
    if (attackStatus(s, values, status, threshold).length > 0) status[e] = 'secondary';
  }
  return status;
};

/**
 * Statuses of the entries of any additive structure (one table, or linked tables sharing margins), or `null` when
 * it cannot be published safely. `initial`: statuses decided by an earlier publication, kept as they are (a value
 * shown elsewhere stays shown, a value hidden elsewhere stays hidden).
 */
export const suppressStructure = (
  s: Structure,
  values: readonly number[],
  threshold: number,
  initial: readonly (Status | undefined)[] = [],
): Status[] | null => {
  const fixed = values.map((_, e) => initial[e] !== undefined);
  const status: Status[] = values.map((v, e) =>
    fixed[e] ? initial[e]! : isPrimaryCount(v, threshold) ? 'primary' : null,
  );
  for (;;) {
    closeLines(s, values, status, fixed);
    const recovered = attackStatus(s, values, status, threshold);
    if (recovered.length === 0) return prune(s, values, status, threshold, fixed);
    if (recovered.every((r) => status[r.entry] === 'secondary' && !fixed[r.entry])) {
      for (const r of recovered) status[r.entry] = null;
      return prune(s, values, status, threshold, fixed);
    }
    let added = false;
    for (const r of recovered.filter((x) => status[x.entry] === 'primary' || fixed[x.entry])) {
      const near = cheapest(
        s,
        values,
        status,
        s.linesOf[r.entry]!.flatMap((l) => lineMembers(s, l)),
        fixed,
      );
      if (near === null) continue;
      status[near] = 'secondary';
      added = true;
    }
    if (!added) {
      const anywhere = cheapest(s, values, status, values.keys(), fixed);
      if (anywhere === null) return null;
      status[anywhere] = 'secondary';
    }
  }
};

/** Statuses after primary and secondary suppression, or `null` when the table cannot be published safely. */
export const suppressionPattern = (t: StatTable, threshold: number): Status[] | null =>
  suppressStructure(tableStructure(t), entryValues(t), threshold);

/** The exact attack on a structure under given statuses: the entries it recovers. */
export const recoverUnderStatus = attackStatus;

/**
 * The only way a table leaves the core. The result is checked once more by the attack itself (defence in depth):
 * should it recover anything, the table is withheld rather than published.
 */
export const protectTable = (t: StatTable, opts: ProtectOptions): PublishedTable => {
  assertValidTable(t);
  const threshold = thresholdFor(t, opts);
  const status = suppressionPattern(t, threshold);
  const withheld = (reason: string): PublishedTable => ({
    status: 'withheld',
    rowVar: t.rowVar,
    colVar: t.colVar,
    rows: [...t.rows],
    cols: [...t.cols],
    threshold,
    reason,
  });
  if (!status)
    return withheld(
      `Effectifs trop faibles : ce croisement ne peut pas être diffusé sans révéler un effectif inférieur à ${threshold}`,
    );
  const released = releaseTable(t, threshold, status);
  if (recoverCells(released).length > 0)
    return withheld('Secret statistique : la protection du tableau n’a pas pu être vérifiée');
  return released;
};

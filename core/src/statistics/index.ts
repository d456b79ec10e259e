/**
 * Statistics core (docs/api.md, Statistics): disclosure control, pure and without I/O. The server aggregates; everything shown —
 * chart, map, table, CSV, PDF — goes through `protectTable` and is drawn from its result only.
 *
 *   StatTable ──protectTable──▶ PublishedTable ──▶ renderProtectedCsv / publishedValueText / publishedNumber
 *                                     │
 *                                recoverCells (the attack; run by protectTable on its own output, and by the tests)
 *
 * Guarantee: on one published table, no hidden value (cell or margin) can be computed exactly by a reader who knows
 * the margins, additivity, non-negativity and the meaning of the marks. Limits, by design or left to the caller:
 * - Linked tables: the API publishes families (family.ts, ADR 009): every breakdown of one indicator over one scope and
 *   one published period, protected together, each answer a slice; `recoverAcrossQueries` (query-attack.ts) checks
 *   the union of every answer a scope can get. Across scopes and through identities between indicators other than
 *   shared totals (stock and flows) it is not modelled (docs/security.md, Statistics).
 * - Exactness, not intervals: a hidden value may be narrowed (e.g. "< 5" known to be 1 or 2) without being pinned.
 *   `hiddenIntervals` reports what a reader can narrow a value to, for a stricter rule later.
 * - Attribute disclosure by zeros (everyone of a row in one column) is not hidden: zeros are published.
 * - An attacker who knows the secondary-suppression heuristic is not modelled.
 */
export * from './errors.js';
export {
  oneWayTable,
  marginsOf,
  assertValidTable,
  isOneWay,
  ONE_WAY_ROW,
  type StatTable,
  type Margins,
  type EntryRef,
} from './table.js';
export {
  isSuppressed,
  publishedAt,
  publishedNumber,
  publishedValueText,
  frenchNumber,
  SECONDARY_MARK,
  type Suppression,
  type SuppressedValue,
  type PublishedValue,
  type PublishedTable,
  type ReleasedTable,
  type WithheldTable,
} from './published.js';
export {
  protectTable,
  thresholdFor,
  involvesSensitiveVariable,
  SENSITIVE_VARIABLES,
  PRIMARY_THRESHOLD,
  SENSITIVE_THRESHOLD,
  type ProtectOptions,
} from './protect.js';
export { recoverCells, hiddenIntervals, priorBounds, type AttackerModel, type RecoveredEntry } from './attack.js';
export { normaliseFilter, type StatisticsFilter, type StatisticsFilterInput } from './filters.js';
export { monthIndex, monthFromIndex, shiftMonth } from './months.js';
export { assertGroupingAllowed, dimensionWords } from './grouping.js';
export { renderProtectedCsv, csvNotes, type CsvLabels } from './render.js';
export * from './indicators.js';
export { recoverAcrossQueries, type QueryAnswer, type Disclosure } from './query-attack.js';
export {
  protectFamily,
  sliceFamily,
  familyStructure,
  marginKey,
  cellKey,
  rowTotalKey,
  GRAND_KEY,
  type Family,
  type FamilyTable,
  type FamilySlice,
  type ProtectedFamily,
} from './family.js';

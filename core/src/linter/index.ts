/** Note linter (domain.md §1.5): pure, no network, usable by the web editor and by the server before saving. */
export { lintNote } from './lint-note.js';
export { summariseFlags, countFlags } from './summary.js';
export {
  LINT_CATEGORIES,
  LINT_CATEGORY_CODES,
  CATEGORY_ADVICE,
  NOTE_VISIBILITY_BANNER,
  type LintCategory,
  type LintFlag,
  type LintSummary,
} from './types.js';

/** The note linter of core (pure, no network), run live in the editor; the server runs the same on save. */
export { LINT_CATEGORIES, NOTE_VISIBILITY_BANNER, lintNote, type LintFlag } from '@jalon/core';

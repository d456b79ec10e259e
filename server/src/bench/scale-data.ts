/**
 * The scale dataset (docs/benchmarks.md): a synthetic Paris — 60 sites, 180 teams, 1,700 users, N case files with their
 * households, ~10 journal entries per file, the search rows. Names are random combinations of the frequency lists
 * of demo/names.ts (plus invented long-tail surnames built from their syllables): they describe no real person.
 *
 * Loading: plain secondary indexes of the loaded tables are dropped, rows go in by COPY (PostgreSQL) or by
 * `json_populate_recordset` inserts of a few thousand rows (PGlite), then the search rows are built in SQL
 * (`refreshSearch(db, 'all')`), the indexes recreated with their exact definitions, and everything analysed.
 *
 * The generation is in scale-generate.ts, the loading in scale-load.ts; this module is their public entry.
 */

export { SCALE_DOMAIN, SCALE_SITES, SCALE_TEAMS_PER_SITE, SCALE_USERS } from './scale-generate.js';
export {
  isEmpty,
  openLoadTarget,
  seedScale,
  type LoadTarget,
  type SeedScaleOptions,
  type SeedScaleSummary,
} from './scale-load.js';

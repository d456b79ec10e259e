/**
 * Cross-site search order (docs/security.md, "Known elsewhere"): an exact "known elsewhere" match comes before weak
 * fuzzy matches of the caller's site; when a local result matches the surname exactly, the site's results lead.
 */
export const elsewhereComesFirst = (results: readonly { exact: boolean }[], elsewhereCount: number): boolean =>
  elsewhereCount > 0 && !results.some((r) => r.exact);

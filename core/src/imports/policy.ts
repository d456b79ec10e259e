import type { Actor } from '../policy/actor.js';

/**
 * Who imports files into a site (docs/security.md, "Imports"): the functional administrator (any site) and the
 * responsable of that site. Nobody else sees an import: missing and not allowed both answer 404.
 */
export const canImportToSite = (a: Actor, siteId: string): boolean =>
  a.role === 'admin_fonctionnel' || (a.role === 'responsable' && a.siteId !== null && a.siteId === siteId);

/** Whether the caller may open the imports page at all (its site, or any site for the administrator). */
export const canUseImports = (a: Actor): boolean =>
  a.role === 'admin_fonctionnel' || (a.role === 'responsable' && a.siteId !== null);

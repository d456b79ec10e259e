import type { Actor, UsagerTarget } from '../policy/actor.js';
import { canReadFullUsager } from '../policy/usager.js';

/**
 * Sensitive sections follow the need-to-know of the full part (docs/api.md, Sensitive sections): référents and the social workers of the
 * following teams read, open and fill them; everyone else does not learn that they exist.
 */
export const canReadSensitiveSection = (a: Actor, f: UsagerTarget): boolean => canReadFullUsager(a, f);
export const canWriteSensitiveSection = (a: Actor, f: UsagerTarget): boolean => canReadFullUsager(a, f);

/** The minimisation profile of a site is the functional admin's choice. */
export const canSetSiteProfile = (a: Actor): boolean => a.role === 'admin_fonctionnel';

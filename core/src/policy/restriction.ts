import type { Actor, UsagerTarget } from './actor.js';
import { canReadFullUsager, isReferentOn } from './usager.js';

/** The référents record and lift the person's limitation or opposition (RGPD art. 18 and 21). */
export const canManageRestrictions = (a: Actor, f: UsagerTarget): boolean =>
  a.role === 'travailleur_social' && isReferentOn(a, f);

/** The rectification history: the need-to-know of the full part. */
export const canReadFileHistory = (a: Actor, f: UsagerTarget): boolean => canReadFullUsager(a, f);

/** Names of the authors of changes: for the référents only, as in the consultations tab. */
export const canSeeHistoryAuthors = (a: Actor, f: UsagerTarget): boolean =>
  a.role === 'travailleur_social' && isReferentOn(a, f);

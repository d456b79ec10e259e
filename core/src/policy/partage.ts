import type { Actor, UsagerTarget } from './actor.js';
import { canReadFullUsager, followsUsager, isReferentOn } from './usager.js';

/**
 * Partage and retention (docs/api.md, Partage and consents; docs/adr/005-retention-anonymisation.md). Shares and consents belong to the file's need-to-know: those who read the whole
 * file (référents, their team, a motivated access while it lasts) read them; only those who follow the file create a
 * share or record and withdraw a consent — a motivated access is read only. Secretaries, other teams and other sites
 * get 404.
 */
export const canReadShares = (a: Actor, f: UsagerTarget): boolean => canReadFullUsager(a, f);
export const canCreateShare = (a: Actor, f: UsagerTarget): boolean => followsUsager(a, f);
export const canManageConsents = (a: Actor, f: UsagerTarget): boolean => followsUsager(a, f);

/** The référents (and co-référents) decide whether a file stays active longer than 2 years after the last contact. */
export const canExtendRetention = (a: Actor, f: UsagerTarget): boolean =>
  a.role === 'travailleur_social' && isReferentOn(a, f);
/** The list of files nearing their deadline is the social worker's own (files where they are référent). */
export const canListRetentionUpcoming = (a: Actor): boolean => a.role === 'travailleur_social';
/** Reports of the retention runs, and the intermediate archive (with a legal reason, logged): the DPO only. */
export const canReadRetentionRuns = (a: Actor): boolean => a.role === 'dpo';
export const canReadArchivedFile = (a: Actor): boolean => a.role === 'dpo';

import { SITE_ROLES } from '../domain/roles.js';
import type { Actor, UsagerTarget } from './actor.js';

/**
 * Need-to-know rules for the usager file (domain.md §1.4). Pure: the server decides with them,
 * the web reads the resulting `can` map and never re-derives them.
 */

const sameSite = (a: Actor, f: UsagerTarget): boolean => a.siteId !== null && a.siteId === f.siteId;

/**
 * Référent or co-référent currently named on the file, and working on the file's site today: a link left over from
 * before a move never counts (docs/security.md, "Access: read vs write, relations").
 */
export const isReferentOn = (a: Actor, f: UsagerTarget): boolean => sameSite(a, f) && f.referentIds.includes(a.id);

/** The worker shares a team with the file's team or with one of its référents. */
export const sharesTeamWith = (a: Actor, f: UsagerTarget): boolean => {
  const teams = new Set<string>(f.referentTeamIds);
  if (f.teamId) teams.add(f.teamId);
  return a.teamIds.some((t) => teams.has(t));
};

/** Search is for the people who receive usagers on a site; admin and DPO roles never see usager data. */
export const canSearchUsagers = (a: Actor): boolean => SITE_ROLES.includes(a.role) && a.siteId !== null;

/** Social workers and secretaries open files (secretaries enter data when workers are absent). */
export const canCreateUsager = (a: Actor): boolean =>
  (a.role === 'travailleur_social' || a.role === 'secretaire') && a.siteId !== null;

/**
 * Those who follow the file: référents, and social workers of a référent's team on the same site. Every write on the
 * file's content requires following it; a motivated access never does (docs/security.md, "Access: read vs write").
 */
export const followsUsager = (a: Actor, f: UsagerTarget): boolean =>
  a.role === 'travailleur_social' && sameSite(a, f) && (isReferentOn(a, f) || sharesTeamWith(a, f));

/** An unexpired motivated access (break-glass) of a worker or a site manager to this file: read only. */
export const hasMotivatedAccess = (a: Actor, f: UsagerTarget): boolean =>
  (a.role === 'travailleur_social' || a.role === 'responsable') &&
  f.id !== undefined &&
  (a.motivatedFileIds ?? []).includes(f.id);

/** The whole file, to read: those who follow it, and a motivated access while it lasts. */
export const canReadFullUsager = (a: Actor, f: UsagerTarget): boolean =>
  followsUsager(a, f) || hasMotivatedAccess(a, f);

/** The general part (identity, contact, référent, team): everyone working on the file's site. */
export const canReadGeneralUsager = (a: Actor, f: UsagerTarget): boolean =>
  canReadFullUsager(a, f) || (SITE_ROLES.includes(a.role) && sameSite(a, f));

/** Identity and contact may be corrected by those who follow the file and by the site's secretaries. */
export const canUpdateUsagerIdentity = (a: Actor, f: UsagerTarget): boolean =>
  followsUsager(a, f) || (a.role === 'secretaire' && sameSite(a, f));

/** The social situation (the core items, the household) is written only by those who follow the file. */
export const canUpdateUsagerSituation = (a: Actor, f: UsagerTarget): boolean => followsUsager(a, f);

/** The site manager assigns référents; the following team may hand a file over. */
export const canManageReferents = (a: Actor, f: UsagerTarget): boolean =>
  (a.role === 'responsable' && sameSite(a, f)) || followsUsager(a, f);

/** Closing or reopening the file belongs to those who follow it. */
export const canChangeUsagerStatus = (a: Actor, f: UsagerTarget): boolean => followsUsager(a, f);

/** Only the référents see who consulted the file. */
export const canReadConsultations = (a: Actor, f: UsagerTarget): boolean =>
  a.role === 'travailleur_social' && isReferentOn(a, f);

/** Outside the general part, a site role only learns that the person is known elsewhere. */
export const canSeeKnownElsewhereCard = (a: Actor, f: UsagerTarget): boolean =>
  canSearchUsagers(a) && !canReadGeneralUsager(a, f);

export const usagerAbilities = (a: Actor, f: UsagerTarget) => ({
  readGeneral: canReadGeneralUsager(a, f),
  readFull: canReadFullUsager(a, f),
  updateIdentity: canUpdateUsagerIdentity(a, f),
  updateSituation: canUpdateUsagerSituation(a, f),
  manageReferents: canManageReferents(a, f),
  changeStatus: canChangeUsagerStatus(a, f),
  readConsultations: canReadConsultations(a, f),
});
export type UsagerAbilities = ReturnType<typeof usagerAbilities>;

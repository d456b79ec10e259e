import { ENTRY_TYPES, type EntryType } from '../domain/journal.js';
import { SITE_ROLES } from '../domain/roles.js';
import type { Actor, UsagerTarget } from './actor.js';
import { canPrintForPerson, canRecordAccessRequest } from '../access-request/index.js';
import { canListBreakGlass, canRequestBreakGlass } from './break-glass.js';
import { canCreateEntry, canWriteNote } from './journal.js';
import { canUseImports } from '../imports/policy.js';
import { canManageOrganisation, canReadAuditLog } from './organisation.js';
import { canListRetentionUpcoming } from './partage.js';
import { statisticsLevel } from './statistics.js';
import { canCreateUsager, canReadFullUsager, usagerAbilities } from './usager.js';
import { canInstructRsaEp, canPlanEpSession, canReadRsaEp, canSeeEpSessions } from '../rsa-ep/policy.js';

/**
 * The decisions the file page shows, sent by the server in `UsagerDto.can` (docs/architecture.md: the web never derives
 * an ability from a role). Composed from the rules of usager.ts, journal.ts and break-glass.ts, which stay the rules.
 */

/** The journal tab: a social worker who reads the full part (entries and notes), a site secretary (reception and appointments, no note), or none. */
export type JournalView = 'worker' | 'secretary';

export const journalViewOf = (a: Actor, f: UsagerTarget, entryTypes: readonly EntryType[]): JournalView | null => {
  if (canWriteNote(a)) return canReadFullUsager(a, f) ? 'worker' : null;
  return entryTypes.length > 0 ? 'secretary' : null;
};

export const fileAbilities = (a: Actor, f: UsagerTarget) => {
  const entryTypes = ENTRY_TYPES.filter((t) => canCreateEntry(a, f, t));
  return {
    ...usagerAbilities(a, f),
    journal: journalViewOf(a, f, entryTypes),
    /** Entry types the caller may record on this file (the new-entry form's choice). */
    entryTypes,
    /** A référent prints for the person what the référent reads (RGPD art. 15; docs/security.md, Access requests). */
    exportAccess: canPrintForPerson(a, f),
    /** Records the person's access request, which the DPO answers with the whole file. */
    recordAccessRequest: canRecordAccessRequest(a, f),
    /** RSA équipe pluridisciplinaire: the person's passages and sanctions, and inscribing one (modules/rsa-ep). */
    rsaEp: canReadRsaEp(a, f),
    instructRsaEp: canInstructRsaEp(a, f),
  };
};
export type FileAbilities = ReturnType<typeof fileAbilities>;

/** A file outside the caller's need-to-know (another site, no référent): what `me.can` decides for an unseen file. */
const UNSEEN_FILE: UsagerTarget = { siteId: '', teamId: null, referentIds: [], referentTeamIds: [], createdById: null };

/** The agenda: a social worker's own, the site's for a secretary (every worker of the site), none for the others. */
export type AgendaView = 'own' | 'site';
export const agendaViewOf = (a: Actor): AgendaView | null => {
  if (!a.siteId) return null;
  if (a.role === 'travailleur_social') return 'own';
  return a.role === 'secretaire' ? 'site' : null;
};

/** Where a signed-in person lands: the usagers' search for the site roles, else the administration or the DPO's page. */
export type Landing = 'search' | 'admin' | 'dpo';
export const landingOf = (a: Actor): Landing =>
  SITE_ROLES.includes(a.role) ? 'search' : a.role === 'admin_fonctionnel' ? 'admin' : 'dpo';

/** The social worker's to-do list (unreported appointments, pending orientations, expiring documents). */
export const canListTodo = (a: Actor): boolean => a.role === 'travailleur_social';

/** Who opens a file becomes its référent by default (the create form proposes them): the social worker. */
export const isReferentByDefault = (a: Actor): boolean => a.role === 'travailleur_social';

/** Abilities of the session that do not depend on one file, sent in `MeDto.can`. */
export const sessionAbilities = (a: Actor) => ({
  /** May ask a motivated access to a file they do not read (the 404 page, the « connu·e à » card). */
  requestBreakGlass: canRequestBreakGlass(a, UNSEEN_FILE),
  /** May open a new file. */
  createUsager: canCreateUsager(a),
  /** Sees the review queue of motivated accesses. */
  reviewBreakGlass: canListBreakGlass(a),
  /** The administration pages. */
  manageOrganisation: canManageOrganisation(a),
  /** The imports page (legacy exports): the administrator, a site's responsable. */
  imports: canUseImports(a),
  /** The DPO's security log. */
  readAuditLog: canReadAuditLog(a),
  /** The files nearing their retention deadline (home page). */
  listRetentionUpcoming: canListRetentionUpcoming(a),
  /** The statistics page. */
  statistics: statisticsLevel(a) !== null,
  /** The agenda page and which one. */
  agenda: agendaViewOf(a),
  /** The landing page (and whether the usagers' navigation is shown: `search`). */
  landing: landingOf(a),
  /** The to-do panel of the home page. */
  todo: canListTodo(a),
  /** The create form proposes the user as the new file's référent. */
  referentByDefault: isReferentByDefault(a),
  /** The RSA équipe pluridisciplinaire page (sessions of the site, task lists), and planning a session. */
  rsaEpSessions: canSeeEpSessions(a),
  planEpSession: canPlanEpSession(a),
});
export type SessionAbilities = ReturnType<typeof sessionAbilities>;

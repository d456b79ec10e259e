import type { Actor, UsagerTarget } from '../policy/actor.js';
import { canReadFullUsager, followsUsager } from '../policy/usager.js';

/**
 * Who reaches the RSA équipe pluridisciplinaire (docs/security.md, "RSA : équipe pluridisciplinaire"). A person's
 * passages and sanctions follow the file's need-to-know (404 otherwise); the site manager, who decides for the
 * Département, acts on the passages of the files of the site; EP sessions are the site's workers' and manager's.
 */
export const canReadRsaEp = (a: Actor, f: UsagerTarget): boolean => canReadFullUsager(a, f);
export const canActOnEpPassage = (a: Actor, f: UsagerTarget): boolean =>
  followsUsager(a, f) || (a.role === 'responsable' && a.siteId !== null && a.siteId === f.siteId);
/** Inscribing (instructing) a passage: who follows the file, or the site manager (who then may not decide it). */
export const canInstructRsaEp = canActOnEpPassage;
export const canSeeEpSessions = (a: Actor): boolean =>
  (a.role === 'travailleur_social' || a.role === 'responsable') && a.siteId !== null;
export const canPlanEpSession = (a: Actor): boolean => a.role === 'responsable' && a.siteId !== null;

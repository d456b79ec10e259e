import type { Actor } from './actor.js';

/** The worker an absence is about, as the access layer loads it. */
export interface AbsenceWorker {
  id: string;
  siteId: string | null;
  role: string;
}

/**
 * Who declares or withdraws a worker's absence (docs/api.md, "Absences"): the worker for themself; a secretary or a
 * responsable of the worker's site for any social worker of it. Nobody else, and never across sites.
 */
export const canManageAbsence = (a: Actor, worker: AbsenceWorker): boolean => {
  if (worker.role !== 'travailleur_social' || !a.siteId || worker.siteId !== a.siteId) return false;
  if (a.role === 'travailleur_social') return a.id === worker.id;
  return a.role === 'secretaire' || a.role === 'responsable';
};

/**
 * Whose absences the caller reads: a social worker their own (like their agenda); a secretary (who books) and a
 * responsable (who plans the site's cover) every social worker of their site; nobody else.
 */
export const absenceViewOf = (a: Actor): 'own' | 'site' | null => {
  if (!a.siteId) return null;
  if (a.role === 'travailleur_social') return 'own';
  return a.role === 'secretaire' || a.role === 'responsable' ? 'site' : null;
};

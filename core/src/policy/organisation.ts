import type { Actor } from './actor.js';

/** Sites, teams, users and code lists: the functional admin only, who never sees usager content. */
export const canManageOrganisation = (a: Actor): boolean => a.role === 'admin_fonctionnel';

/** Security logs: the DPO only, and always with a stated purpose (logs never serve to appraise workers). */
export const canReadAuditLog = (a: Actor): boolean => a.role === 'dpo';

import type { RsaTaskKind } from './dto.js';

/** The RSA task lists of a référent and a team (docs/api.md, "RSA"). */
export const RSA_TASK_KINDS: Record<RsaTaskKind, string> = {
  orientation_late: 'Orientation en retard',
  contract_to_sign: 'Contrat d’engagement à signer',
  contract_to_renew: 'Contrat à renouveler',
};
/** How long before its end a contract shows in "to renew" (days). */
export const RENEWAL_WINDOW_DAYS = 30;

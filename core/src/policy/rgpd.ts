import type { Actor } from './actor.js';

/** The RGPD register and AIPD inventory hold no usager data: the functional admin and the DPO generate them. */
export const canReadRegister = (a: Actor): boolean => a.role === 'admin_fonctionnel' || a.role === 'dpo';

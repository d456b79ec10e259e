import type { Role } from '../domain/roles.js';

/** Roles that must use a TOTP second factor (docs/security.md, Authentification): without an enrolled factor, only the enrolment is reachable. */
export const SECOND_FACTOR_REQUIRED_ROLES: readonly Role[] = ['admin_fonctionnel', 'dpo'];

export const secondFactorRequired = (role: Role): boolean => SECOND_FACTOR_REQUIRED_ROLES.includes(role);

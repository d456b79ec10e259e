import type { ModuleDescriptor } from '../modules/registry.js';
import type { AuditRedaction } from '../platform/module.js';

/**
 * The platform's own audit actions (sign-in, second factor, keys, security log, demo data) with their redaction
 * (docs/architecture.md, "Module contract"). A module declares its actions in its descriptor's `auditActions`
 * (docs/architecture.md, "Module contract").
 */
export const PLATFORM_AUDIT_ACTIONS = {
  'auth.login': {},
  'auth.login_failed': {},
  'auth.account_locked': {},
  'auth.password_changed': {},
  'auth.recovery_code_used': {},
  'auth.totp_enrolment_started': {},
  'auth.totp_enabled': {},
  'auth.totp_disabled': {},
  'user.totp_reset': {},
  'setup.first_admin': {},
  'keys.rotate': {},
  'security_log.purge': {},
  'demo.seed': {},
} as const satisfies Record<string, AuditRedaction>;

type ActionsOf<M> = M extends { auditActions: infer A } ? Extract<keyof A, string> : never;

/** Every audit action name: the platform's and each registered module's (a typo is a type error). */
export type AuditAction = keyof typeof PLATFORM_AUDIT_ACTIONS | ActionsOf<ModuleDescriptor>;

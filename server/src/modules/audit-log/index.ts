import type { JalonModule } from '../../platform/module.js';
import { dpoRoutes } from './routes.js';

/** Audit log: the DPO's search of the audit trail and the access log. docs/architecture.md, "Module contract". */
export const auditLogModule = {
  name: 'audit-log',
  routes: (api, deps) => dpoRoutes(api, deps),
  auditActions: {
    'audit_log.search': {},
  },
} satisfies JalonModule;

import type { JalonModule } from '../../platform/module.js';
import { aidsAccessSpec } from './access-spec.js';
import { exportAids } from './export.js';
import { aidsMerge } from './merge.js';
import { anonymiseAids, purgeAids } from './queries.js';
import { aidsRoutes } from './routes.js';

/**
 * The household budget and the aid applications, FSL and Paris optional aids (docs/api.md, "Budget et aides";
 * docs/architecture.md, "Module contract"). The commission, its letters and payment file build on the applications.
 */
export const aidsModule = {
  name: 'aids',
  routes: (api, deps) => aidsRoutes(api, deps),
  sealedColumns: [
    {
      table: 'budget',
      column: 'payload',
      cursor: 'case_file_id',
      aadColumns: ['case_file_id'],
      aad: (r: Record<string, unknown>) => `budget.payload:${String(r.case_file_id)}`,
    },
    {
      table: 'aid_application',
      column: 'budget_snapshot',
      cursor: 'id',
      aadColumns: ['id'],
      aad: (r: Record<string, unknown>) => `aid_application.budget_snapshot:${String(r.id)}`,
    },
  ],
  retention: {
    anonymise: async (trx, fileId) => anonymiseAids(trx, fileId),
    purge: async (trx, fileId) => purgeAids(trx, fileId),
  },
  // A merge of files moves the budget and the applications (merge.ts); its undo puts them back.
  merge: aidsMerge,
  accessExport: (trx, _ctx, fileId) => exportAids(trx, fileId),
  // Codes and amounts of public aids may print; the budget's lines are counted, never shown.
  auditActions: {
    'budget.update': { clearFields: ['resources', 'charges', 'debts'] },
    'aid_application.create': { clearFields: ['scheme', 'aidType', 'form', 'requestedCents', 'urgency'] },
    'aid_application.transition': { clearFields: ['from', 'to', 'amountCents', 'form', 'derogation'] },
    'aid_application.facts': { clearFields: ['fields'] },
    'aid_repayment.create': { clearFields: ['amountCents', 'paidOn'] },
  },
  accessSpec: aidsAccessSpec,
} satisfies JalonModule;

// What other modules (the commission) may use.
export { loadApplication, WORKFLOW as AID_WORKFLOW_NAME } from './applications.js';
export { applyTransition, transitionApplication } from './transitions.js';
export { computeEligibility } from './eligibility.js';
export { findApplication, type ApplicationRow } from './queries.js';
export { seedAidsDemo } from './demo.js';

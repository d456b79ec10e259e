import type { JalonModule } from '../../platform/module.js';
import { rsaAccessSpec } from './access-spec.js';
import { exportRsa } from './export.js';
import { deleteRsaOfFile } from './queries.js';
import { rsaRoutes } from './routes.js';

export { applyRsaChange, type RsaChange } from './block.js';
/** The CAF flux's batch access (docs/architecture.md, "Import pipeline"): match by n° allocataire, imported changes. */
export { applyImportedRsaChanges, rsaPersonsByAllocataire, type ImportedRsaChange } from './import-queries.js';
/** The RSA tab's read, for the bench (server/src/bench/rsa.ts). */
export { readRsa } from './service.js';
export { registerOarsaProvider, type OarsaProvider, type OarsaScope, type OarsaSection } from './oarsa/providers.js';

/**
 * The RSA follow-up (docs/api.md, "RSA"; docs/architecture.md, "Module contract"): the CAF block of each person of a
 * file with its dated history (typed or imported: `applyImportedRsaChanges` is the CAF flux's entry point), the
 * orientation workflow, the référent unique RSA, the contrat d'engagement and its plan d'action.
 */
export const rsaModule = {
  name: 'rsa',
  routes: (api, deps) => rsaRoutes(api, deps),
  retention: {
    anonymise: async (trx, fileId) => ({ rsa: await deleteRsaOfFile(trx, fileId) }),
    purge: async (trx, fileId) => ({ rsa: await deleteRsaOfFile(trx, fileId) }),
  },
  accessExport: (trx, _ctx, fileId) => exportRsa(trx, fileId),
  // CAF codes, states and kinds identify nobody: printed; the n° allocataire and the dates are masked.
  auditActions: {
    'rsa_person.update': {
      clearFields: ['origin', 'etatdosrsa', 'natpf', 'toppersdrodevorsa', 'rolepers', 'sitpersdemrsa'],
    },
    'rsa_orientation.transition': { clearFields: ['from', 'to', 'kind', 'organisme'] },
    'rsa_referent.set': { clearFields: ['kind'] },
    'rsa_contract.create': { clearFields: ['kind', 'durationMonths', 'actions'] },
    'rsa_contract.sign': { clearFields: ['document'] },
    'rsa_contract.plan': { clearFields: ['actions'] },
    // The referential is the organisation's text, not a person's.
    'rsa_action_ref.save': { clearFields: ['theme', 'objective', 'label', 'active'] },
  },
  accessSpec: rsaAccessSpec,
} satisfies JalonModule;

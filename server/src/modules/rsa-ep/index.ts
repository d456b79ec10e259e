import type { JalonModule } from '../../platform/module.js';
import { rsaEpAccessSpec } from './access-spec.js';
import { exportEp } from './export.js';
import { anonymiseEpOfFile, deleteEpOfFile } from './queries.js';
import { rsaEpRoutes } from './routes.js';
import { registerImportAdapter } from '../imports/index.js';
import { cafFluxAdapter } from './flux/adapter.js';
import { fluxRoutes } from './flux/routes.js';
import { registerOarsaProvider } from '../rsa/index.js';
import { epOarsaSections } from './oarsa.js';

// The CAF flux is a source of the staged import pipeline (docs/api.md, "RSA : flux CAF").
registerImportAdapter(cafFluxAdapter);
// The EP referrals and the sanctions in the OARSA export (docs/api.md, "OARSA").
registerOarsaProvider({ key: 'rsa-ep', sections: epOarsaSections });

const SEALED = ['facts', 'observations', 'avis_text', 'decision_reason'] as const;

/**
 * RSA équipe pluridisciplinaire and sanctions "suspension-remobilisation" (docs/api.md, "RSA : équipe
 * pluridisciplinaire et sanctions"; docs/domain.md §3): EP sessions, passages with the contradictoire, avis and
 * maker-checker decision, sanctions with the rules they used, remobilisation, the notification letter.
 */
export const rsaEpModule = {
  name: 'rsa-ep',
  routes: async (api, deps) => {
    await rsaEpRoutes(api, deps);
    await fluxRoutes(api, deps);
  },
  sealedColumns: SEALED.map((column) => ({
    table: 'rsa_ep_passage',
    column,
    cursor: 'id',
    aadColumns: ['id'],
    aad: (r: Record<string, unknown>) => `rsa_ep_passage.${column}:${String(r.id)}`,
  })),
  retention: {
    anonymise: async (trx, fileId) => ({ rsaEpPassages: await anonymiseEpOfFile(trx, fileId) }),
    purge: async (trx, fileId) => ({ rsaEpPassages: await deleteEpOfFile(trx, fileId) }),
  },
  // The person's passages, observations, avis, decisions and sanctions (RGPD art. 15).
  accessExport: (trx, _ctx, fileId) => exportEp(trx, fileId),
  auditActions: {
    'rsa_ep_session.create': { clearFields: ['date', 'members', 'representatives'] },
    'rsa_ep.inscribe': { clearFields: ['motif', 'sessionDate', 'observationsDeadline', 'avisDeemedFrom'] },
    'rsa_ep.observations': { clearFields: ['receivedOn'] },
    'rsa_ep.avis': { clearFields: ['avis'] },
    'rsa_ep.decide': { clearFields: ['outcome', 'avisDeemed', 'breach', 'rate', 'months'] },
    'rsa_ep.withdraw': { clearFields: ['state'] },
    'rsa_ep.notify': { clearFields: ['outcome'] },
    'rsa_sanction.remobilise': { clearFields: ['day', 'reversedCents', 'monthsCancelled'] },
  },
  accessSpec: rsaEpAccessSpec,
} satisfies JalonModule;

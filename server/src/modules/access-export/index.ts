import type { JalonModule } from '../../platform/module.js';
import { anonymiseAccessRequests } from './request-queries.js';
import { accessExportRoutes } from './routes.js';

/**
 * The person's right of access (RGPD art. 15, docs/security.md "Demandes d’accès (Access requests)"): the access
 * requests, the DPO's whole-file export (which iterates over the `accessExport` parts of the registry's modules) and the
 * référent's print. Anonymisation keeps the request's dates and codes (the register of requests answered) and drops
 * the representative's name and the identity note.
 */
export const accessExportModule = {
  name: 'access-export',
  routes: (api, deps) => accessExportRoutes(api, deps),
  retention: {
    anonymise: async (trx, caseFileId) => ({ accessRequests: await anonymiseAccessRequests(trx, caseFileId) }),
  },
  auditActions: {
    'access_request.create': { clearFields: ['requester', 'identityCheck', 'dueOn', 'notified'] },
    'access_request.produce': { clearFields: ['entries', 'notes', 'consultations', 'sections', 'parts', 'first'] },
    'usager.access_print': { clearFields: ['entries', 'notes', 'consultations', 'sections', 'parts'] },
  },
} satisfies JalonModule;

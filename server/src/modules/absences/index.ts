import type { JalonModule } from '../../platform/module.js';
import { absencesAccessSpec } from './access-spec.js';
import { absenceRoutes } from './routes.js';

/**
 * Declared absences of the social workers (docs/api.md, "Absences"): read by the booking's clash check and the week
 * agenda. Not a file's data: the retention engine has nothing to do here.
 */
export const absencesModule = {
  name: 'absences',
  routes: (api, deps) => absenceRoutes(api, deps),
  // The kind and the dates are the organisation's planning, not a person's file: printed in the audit.
  auditActions: {
    'absence.create': { clearFields: ['worker', 'kind', 'startsAt', 'endsAt'] },
    'absence.delete': {},
  },
  accessSpec: absencesAccessSpec,
} satisfies JalonModule;

export { describeAbsence } from './service.js';
export { overlappingAbsences, type AbsenceRow } from './queries.js';

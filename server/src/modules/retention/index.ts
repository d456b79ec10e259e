import type { JalonModule } from '../../platform/module.js';
import { retentionNightlyJob } from './job.js';
import { retentionRoutes } from './routes.js';

/**
 * Retention: archiving and anonymising files past their deadline (docs/adr/005-retention-anonymisation.md). The engine
 * calls every module's `retention.anonymise` (modules/registry.ts); the file's own rows are its core step.
 */
export const retentionModule = {
  name: 'retention',
  routes: (api, deps) => retentionRoutes(api, deps),
  // A getter: read when the job runner starts, never while the modules are loading (modules/registry.ts).
  get jobs() {
    return [retentionNightlyJob];
  },
  auditActions: {
    'case_file.archive': {},
    'case_file.anonymise': {},
    'case_file.archive_read': {},
    'case_file.retention_hold': {},
  },
} satisfies JalonModule;

export { runRetention, type RetentionReport } from './engine.js';
export { retentionNightlyJob } from './job.js';

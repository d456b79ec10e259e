import type { JobDefinition } from '../../platform/module.js';
import { analyseImport } from './analyse.js';
import { commitImport } from './commit.js';
import { ANALYSE_JOB, COMMIT_JOB, type JobPayload } from './run-context.js';

export { ANALYSE_JOB, COMMIT_JOB, rawAad } from './run-context.js';
export { analyseImport, commitImport };

export const importJobs: readonly JobDefinition[] = [
  { kind: ANALYSE_JOB, maxAttempts: 3, handler: (db, p, progress) => analyseImport(db, p as JobPayload, progress) },
  { kind: COMMIT_JOB, maxAttempts: 5, handler: (db, p, progress) => commitImport(db, p as JobPayload, progress) },
];

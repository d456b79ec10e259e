import { installModules } from '../platform/installed.js';
import type { JalonModule } from '../platform/module.js';
import { accessExportModule } from './access-export/index.js';
import { auditLogModule } from './audit-log/index.js';
import { breakGlassModule } from './break-glass/index.js';
import { fileRightsModule } from './file-rights/index.js';
import { journalModule } from './journal/index.js';
import { organisationModule } from './organisation/index.js';
import { partageModule } from './partage/index.js';
import { registreModule } from './registre/index.js';
import { retentionModule } from './retention/index.js';
import { sectionsModule } from './sections/index.js';
import { statisticsModule } from './statistics/index.js';
import { usagersModule } from './usagers/index.js';
import { paramsModule } from './params/index.js';
import { workflowsModule } from './workflows/index.js';
import { jobsModule } from './jobs/index.js';
import { documentsModule } from './documents/index.js';
import { accueilModule } from './accueil/index.js';
import { genogramModule } from './genogram/index.js';
import { fileMergeModule } from './file-merge/index.js';
import { lettersModule } from './letters/index.js';
import { absencesModule } from './absences/index.js';
import { aidsModule } from './aids/index.js';
import { commissionModule } from './commission/index.js';
import { importsModule } from './imports/index.js';
import { rsaModule } from './rsa/index.js';
import { rsaEpModule } from './rsa-ep/index.js';

/**
 * Every module of the server, once (docs/architecture.md, "Module contract"). Adding a module = one folder under
 * `modules/` whose `index.ts` exports its descriptor + one line here. Routes are registered in this order.
 *
 * Only what starts the process imports this file (`app.ts`, `main.ts`, the scripts, the test setup) and hands the list
 * to the platform with `installRegistry()`; the services that iterate the modules read `platform/installed.ts`, so no
 * module reaches the registry back (docs/adr/007-module-contract.md).
 */
const MODULES = [
  usagersModule,
  organisationModule,
  auditLogModule,
  registreModule,
  statisticsModule,
  breakGlassModule,
  accessExportModule,
  journalModule,
  partageModule,
  retentionModule,
  sectionsModule,
  fileRightsModule,
  paramsModule,
  workflowsModule,
  jobsModule,
  documentsModule,
  accueilModule,
  genogramModule,
  fileMergeModule,
  lettersModule,
  absencesModule,
  aidsModule,
  commissionModule,
  importsModule,
  rsaModule,
  rsaEpModule,
] as const satisfies readonly JalonModule[];

/** The registry's list, in route order (without the modules a test adds: see `installedModules`). */
export function modules(): readonly JalonModule[] {
  return MODULES;
}

/** Hands the registry's list to the platform services (platform/installed.ts). Called by whatever starts the process. */
export function installRegistry(): void {
  installModules(MODULES);
}

/** The descriptors' exact types (the union of audit actions is computed from them: audit/actions.ts). */
export type ModuleDescriptor = (typeof MODULES)[number];

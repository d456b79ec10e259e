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
import { lettersModule } from './letters/index.js';

/**
 * Every module of the server, once (docs/architecture.md, "Module contract"). Adding a module = one folder under
 * `modules/` whose `index.ts` exports its descriptor + one line here. Routes are registered in this order.
 *
 * A function, not an array built at load: the registry imports every module and some of them reach it back (audit
 * redaction, retention), so it may be loaded while a module's index.ts is still loading; read at call time, every
 * descriptor is there.
 */
const descriptors = () =>
  [
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
    lettersModule,
  ] as const satisfies readonly JalonModule[];

/** Modules a test adds for its own duration (a contribution to the access export, say); the app adds none. */
const testModules: JalonModule[] = [];

export function modules(): readonly JalonModule[] {
  const list: readonly (JalonModule | undefined)[] = descriptors();
  if (list.some((m) => !m)) throw new Error('Registre des modules lu pendant le chargement d’un module');
  return [...(list as readonly JalonModule[]), ...testModules];
}

/** For tests only: adds a module until the returned function is called. */
export function addTestModule(m: JalonModule): () => void {
  testModules.push(m);
  return () => void testModules.splice(testModules.indexOf(m), 1);
}

/** The descriptors' exact types (the union of audit actions is computed from them: audit/actions.ts). */
export type ModuleDescriptor = ReturnType<typeof descriptors>[number];

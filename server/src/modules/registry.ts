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

/**
 * Every module of the server, once (docs/architecture.md, "Module contract"). Adding a module = one folder under
 * `modules/` whose `index.ts` exports its descriptor + one line here. Routes are registered in this order.
 */
const DESCRIPTORS = [
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
] as const satisfies readonly JalonModule[];

export const MODULES: readonly JalonModule[] = DESCRIPTORS;
/** The descriptors' exact types (the union of audit actions is computed from them: audit/actions.ts). */
export type ModuleDescriptor = (typeof DESCRIPTORS)[number];

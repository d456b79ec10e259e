import type { JalonModule } from '../../platform/module.js';
import { breakGlassRoutes } from './routes.js';

/** Break-glass: motivated access to a file outside one's team. docs/architecture.md, "Module contract". */
export const breakGlassModule = {
  name: 'break-glass',
  routes: (api, deps) => breakGlassRoutes(api, deps),
  auditActions: {
    'break_glass.grant': {},
    'break_glass.review': {},
    'notification.read': {},
  },
} satisfies JalonModule;

import type { JalonModule } from '../platform/module.js';
import { accueilModule } from './accueil/index.js';

/**
 * Every module of the server, once (docs/architecture.md, "Module contract"). Adding a module = one folder under
 * `modules/` whose `index.ts` exports its descriptor + one line here.
 */
export const MODULES: readonly JalonModule[] = [accueilModule];

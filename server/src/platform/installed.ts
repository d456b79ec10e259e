import type { JalonModule } from './module.js';

/**
 * The modules the running process serves (docs/adr/007-module-contract.md). The platform services that iterate the
 * modules (audit redaction, retention, access export, sealed columns, job runner) read them here, never from
 * `modules/registry.ts`: the registry imports every module and the modules import those services, so the list is
 * handed over at start-up by whoever starts the process (`buildApp`, `main.ts`, each script, the server test setup).
 * This file imports no module: the dependency goes platform ← modules only.
 */
let installed: readonly JalonModule[] | null = null;

/** Modules a test adds for its own duration (a contribution to the access export, say); the app adds none. */
const testModules: JalonModule[] = [];

/** Hands the module list to the platform. Idempotent with the same list; a different list replaces it. */
export function installModules(list: readonly JalonModule[]): void {
  const names = list.map((m) => m.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new Error(`Module installé deux fois / module installed twice: ${twice}`);
  installed = [...list];
}

/** The installed modules, then the test ones. Throws when called before `installModules` (a start-up path forgot it). */
export function installedModules(): readonly JalonModule[] {
  if (!installed) {
    throw new Error(
      'Aucun module installé : appeler installModules(modules()) au démarrage / no module installed: call ' +
        'installModules(modules()) at start-up (docs/adr/007-module-contract.md)',
    );
  }
  return testModules.length ? [...installed, ...testModules] : installed;
}

/** For tests only: adds a module until the returned function is called. */
export function addTestModule(m: JalonModule): () => void {
  testModules.push(m);
  return () => void testModules.splice(testModules.indexOf(m), 1);
}

/** For tests only: forgets the installed list (to check that a service refuses to run without one). */
export function uninstallModulesForTest(): () => void {
  const before = installed;
  installed = null;
  return () => void (installed = before);
}

import { describe, expect, it } from 'vitest';
// Loaded before the registry, as the backup script and its test do: a module loaded first must not leave a hole in the
// registry's list (docs/adr/007-module-contract.md).
import { seedDemo } from '../demo/seed.js';
import { diffFields } from '../audit/diff.js';
import { allSealedColumns } from '../platform/sealed-columns.js';
import { installedModules, uninstallModulesForTest } from '../platform/installed.js';
import { modules } from './registry.js';

describe('module registry (docs/architecture.md, "Module contract")', () => {
  it('lists every module whichever file is loaded first, each name once', () => {
    expect(typeof seedDemo).toBe('function');
    const names = modules().map((m) => m.name);
    expect(names).toEqual([
      'usagers',
      'organisation',
      'audit-log',
      'registre',
      'statistics',
      'break-glass',
      'access-export',
      'journal',
      'partage',
      'retention',
      'sections',
      'file-rights',
      'params',
      'workflows',
      'jobs',
      'documents',
      'accueil',
      'genogram',
      'file-merge',
      'letters',
      'absences',
      'aids',
      'commission',
      'imports',
      'rsa',
      'rsa-ep',
    ]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('is what the platform services read once installed (the server test setup installs it)', () => {
    expect(installedModules()).toEqual(modules());
  });

  it('a platform service refuses to run when nothing was installed, with a clear message', () => {
    const restore = uninstallModulesForTest();
    try {
      expect(() => installedModules()).toThrow(/Aucun module installé/);
      expect(() => allSealedColumns()).toThrow(/installModules/);
      expect(() => diffFields('site.update', {}, { name: 'x' })).toThrow(/Aucun module installé/);
    } finally {
      restore();
    }
    expect(Object.keys(diffFields('site.update', { name: 'a' }, { name: 'b' }))).toEqual(['name']);
  });
});

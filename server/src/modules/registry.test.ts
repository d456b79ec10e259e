import { describe, expect, it } from 'vitest';
// Loaded before the registry, as the backup script and its test do: usagers/index.ts is still loading when the
// registry is first reached (through the audit redaction), which left a hole in a list built at load.
import { seedDemo } from '../demo/seed.js';
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
      'letters',
    ]);
  });
});

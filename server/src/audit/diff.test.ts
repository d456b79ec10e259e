import { describe, expect, it } from 'vitest';
import { modules } from '../modules/registry.js';
import { PLATFORM_AUDIT_ACTIONS } from './actions.js';
import { REDACTED, diffFields } from './diff.js';

describe('audit redaction, declared per action (docs/architecture.md, "Module contract")', () => {
  it('prints a value only when the action declares the field clear; every changed field is named', () => {
    expect(diffFields('motif.create', {}, { code: 'M01', name: 'Accès aux droits' })).toEqual({
      code: { from: null, to: 'M01' },
      name: { from: null, to: 'Accès aux droits' },
    });
    // The same field names under a file's action: masked (the usager's content never reaches the trail).
    expect(
      diffFields(
        'usager.update',
        { code: 'A', name: 'Dupont', marital_status: '1' },
        { code: 'B', name: 'Durand', marital_status: '2' },
      ),
    ).toEqual({
      code: { from: REDACTED, to: REDACTED },
      name: { from: REDACTED, to: REDACTED },
      marital_status: { from: '1', to: '2' },
    });
  });

  it('an action with no clear field masks every value, and unchanged fields are left out', () => {
    expect(diffFields('journal_entry.update', { status: 'a', place: 'x' }, { status: 'b', place: 'x' })).toEqual({
      status: { from: REDACTED, to: REDACTED },
    });
  });

  it('no action is declared twice (platform and modules)', () => {
    const names = [
      ...Object.keys(PLATFORM_AUDIT_ACTIONS),
      ...modules().flatMap((m) => Object.keys(m.auditActions ?? {})),
    ];
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});

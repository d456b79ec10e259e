import { describe, expect, it } from 'vitest';
import { ENTRY_TYPES } from '../domain/journal.js';
import { entryTypeHasField, missingForEntryType } from './journal.js';

/** The rules keyed on the entry type that the server's check and the web form share. */
describe('entry type rules', () => {
  it('an orientation needs a partner, a rendez-vous a worker', () => {
    expect(missingForEntryType('orientation', {})).toMatchObject({ field: 'partnerId', code: 'partner_required' });
    expect(missingForEntryType('orientation', { partnerId: 'p' })).toBeNull();
    expect(missingForEntryType('rendez_vous', { appointmentWorkerId: null })).toMatchObject({
      field: 'appointmentWorkerId',
      code: 'worker_required',
    });
    expect(missingForEntryType('rendez_vous', { appointmentWorkerId: 'w' })).toBeNull();
  });

  it('the other types require nothing more and carry none of these fields', () => {
    for (const t of ENTRY_TYPES.filter((x) => x !== 'orientation' && x !== 'rendez_vous')) {
      expect(missingForEntryType(t, {})).toBeNull();
      expect(entryTypeHasField(t, 'partnerId') || entryTypeHasField(t, 'appointmentWorkerId')).toBe(false);
    }
    expect(entryTypeHasField('orientation', 'orientationReason')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { Actor, UsagerTarget } from '../policy/actor.js';
import { accessRequestDueOn, canPrintForPerson, canProduceAccessExport, canRecordAccessRequest } from './index.js';

const file: UsagerTarget = {
  id: 'f1',
  siteId: 's1',
  teamId: 't1',
  referentIds: ['ref', 'coref'],
  referentTeamIds: ['t1'],
  createdById: 'ref',
};
const actor = (role: Actor['role'], over: Partial<Actor> = {}): Actor => ({
  id: 'x',
  role,
  siteId: 's1',
  teamIds: ['t1'],
  ...over,
});

describe('access requests (RGPD art. 15)', () => {
  it('the deadline is one month after the request, the last day of a shorter month', () => {
    expect(accessRequestDueOn('2026-11-30')).toBe('2026-12-30');
    expect(accessRequestDueOn('2026-12-15')).toBe('2027-01-15');
    expect(accessRequestDueOn('2026-01-31')).toBe('2026-02-28');
    expect(accessRequestDueOn('2028-01-31')).toBe('2028-02-29');
  });

  it('the DPO alone produces the whole file; the référents alone print what they read', () => {
    expect(canProduceAccessExport(actor('dpo', { siteId: null }))).toBe(true);
    expect(canProduceAccessExport(actor('responsable'))).toBe(false);
    expect(canPrintForPerson(actor('travailleur_social', { id: 'coref' }), file)).toBe(true);
    expect(canPrintForPerson(actor('travailleur_social'), file)).toBe(false); // same team, not a référent
    expect(canPrintForPerson(actor('responsable'), file)).toBe(false);
    expect(canPrintForPerson(actor('travailleur_social', { id: 'y', motivatedFileIds: ['f1'] }), file)).toBe(false);
  });

  it('a request is recorded by a référent, the site’s responsable or the DPO', () => {
    expect(canRecordAccessRequest(actor('travailleur_social', { id: 'ref' }), file)).toBe(true);
    expect(canRecordAccessRequest(actor('responsable'), file)).toBe(true);
    expect(canRecordAccessRequest(actor('responsable', { siteId: 's2' }), file)).toBe(false);
    expect(canRecordAccessRequest(actor('dpo', { siteId: null }), file)).toBe(true);
    expect(canRecordAccessRequest(actor('secretaire'), file)).toBe(false);
  });
});

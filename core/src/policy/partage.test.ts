import { describe, expect, it } from 'vitest';
import type { Actor, UsagerTarget } from './actor.js';
import {
  canCreateShare,
  canExtendRetention,
  canListRetentionUpcoming,
  canReadArchivedFile,
  canReadRetentionRuns,
  canReadShares,
} from './partage.js';

const file: UsagerTarget = {
  siteId: 's1',
  teamId: 't1',
  referentIds: ['ref'],
  referentTeamIds: ['t1'],
  createdById: 'ref',
};
const actor = (id: string, role: Actor['role'], siteId: string | null, teamIds: string[] = []): Actor => ({
  id,
  role,
  siteId,
  teamIds,
});

describe('partage and retention rules', () => {
  it.each([
    ['référent', actor('ref', 'travailleur_social', 's1', ['t1']), true, true],
    ['same team', actor('mate', 'travailleur_social', 's1', ['t1']), true, false],
    ['other team', actor('x', 'travailleur_social', 's1', ['t2']), false, false],
    ['secretary', actor('x', 'secretaire', 's1'), false, false],
    ['responsable', actor('x', 'responsable', 's1'), false, false],
    ['other site', actor('x', 'travailleur_social', 's2', ['t1']), false, false],
    ['admin', actor('x', 'admin_fonctionnel', null), false, false],
    ['dpo', actor('x', 'dpo', null), false, false],
  ] as const)('%s: shares %s, extend retention %s', (_l, a, shares, extend) => {
    expect(canReadShares(a, file)).toBe(shares);
    expect(canCreateShare(a, file)).toBe(shares);
    expect(canExtendRetention(a, file)).toBe(extend);
  });

  it('the DPO alone reads run reports and archived files; workers alone list upcoming deadlines', () => {
    for (const role of ['travailleur_social', 'secretaire', 'responsable', 'admin_fonctionnel', 'dpo'] as const) {
      const a = actor('x', role, role === 'dpo' || role === 'admin_fonctionnel' ? null : 's1');
      expect(canReadRetentionRuns(a)).toBe(role === 'dpo');
      expect(canReadArchivedFile(a)).toBe(role === 'dpo');
      expect(canListRetentionUpcoming(a)).toBe(role === 'travailleur_social');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { ENTRY_TYPES, SECRETARY_ENTRY_TYPES } from '../domain/journal.js';
import type { Role } from '../domain/roles.js';
import type { Actor, UsagerTarget } from './actor.js';
import { fileAbilities, sessionAbilities } from './file-page.js';

/** The file page's decisions sent in `can` (journal tab, entry types, access export) and `me.can` (motivated access). */

const target: UsagerTarget = {
  id: 'file-1',
  siteId: 'site-1',
  teamId: 'team-a',
  referentIds: ['ref'],
  referentTeamIds: ['team-a'],
  createdById: null,
};
const actor = (role: Role, over: Partial<Actor> = {}): Actor => ({
  id: 'u',
  role,
  siteId: 'site-1',
  teamIds: ['team-z'],
  ...over,
});

describe('fileAbilities', () => {
  it.each([
    ['référent', actor('travailleur_social', { id: 'ref' }), 'worker', ENTRY_TYPES, true],
    ['worker of the référent team', actor('travailleur_social', { teamIds: ['team-a'] }), 'worker', ENTRY_TYPES, false],
    ['worker of another team', actor('travailleur_social'), null, [], false],
    [
      'motivated access (read only)',
      actor('travailleur_social', { siteId: 'site-2', motivatedFileIds: ['file-1'] }),
      'worker',
      [],
      false,
    ],
    ['secretary of the site', actor('secretaire'), 'secretary', SECRETARY_ENTRY_TYPES, false],
    ['secretary of another site', actor('secretaire', { siteId: 'site-2' }), null, [], false],
    ['responsable of the site', actor('responsable'), null, [], false],
    ['DPO', actor('dpo', { siteId: null }), null, [], false],
  ] as const)('%s: journal %s, entry types, export %s', (_, a, journal, types, exportAccess) => {
    const can = fileAbilities(a, target);
    expect(can.journal).toBe(journal);
    expect([...can.entryTypes].sort()).toEqual([...types].sort());
    expect(can.exportAccess).toBe(exportAccess);
  });

  it('the référent and the site’s responsable record an access request; the DPO produces it from its own page', () => {
    expect(fileAbilities(actor('travailleur_social', { id: 'ref' }), target).recordAccessRequest).toBe(true);
    expect(fileAbilities(actor('responsable'), target).recordAccessRequest).toBe(true);
    expect(fileAbilities(actor('secretaire'), target).recordAccessRequest).toBe(false);
    expect(
      fileAbilities(actor('travailleur_social', { siteId: 'site-2', motivatedFileIds: ['file-1'] }), target)
        .recordAccessRequest,
    ).toBe(false);
  });
});

describe('fileAbilities.genogram', () => {
  it.each([
    ['référent', actor('travailleur_social', { id: 'ref' }), null, true],
    ['worker of the référent team', actor('travailleur_social', { teamIds: ['team-a'] }), null, false],
    ['worker of the team who created the genogram', actor('travailleur_social', { teamIds: ['team-a'] }), 'u', true],
    ['creator who no longer follows the file', actor('travailleur_social'), 'u', false],
    [
      'motivated access (break-glass)',
      actor('travailleur_social', { siteId: 'site-2', motivatedFileIds: ['file-1'] }),
      null,
      false,
    ],
    ['secretary of the site', actor('secretaire'), null, false],
    ['responsable of the site', actor('responsable'), null, false],
    ['DPO', actor('dpo', { siteId: null }), null, false],
  ] as const)('%s (creator %s): %s', (_, a, createdById, expected) => {
    expect(fileAbilities(a, target, { createdById }).genogram).toBe(expected);
  });
});

describe('sessionAbilities', () => {
  it.each([
    ['travailleur_social', 'site-1', true],
    ['responsable', 'site-1', true],
    ['secretaire', 'site-1', false],
    ['admin_fonctionnel', null, false],
    ['dpo', null, false],
  ] as const)('%s may ask a motivated access: %s', (role, siteId, ok) =>
    expect(sessionAbilities(actor(role, { siteId })).requestBreakGlass).toBe(ok),
  );

  it.each([
    ['travailleur_social', 'site-1', true, false],
    ['secretaire', 'site-1', true, false],
    ['responsable', 'site-1', false, true],
    ['dpo', null, false, true],
    ['admin_fonctionnel', null, false, false],
  ] as const)('%s: creates files %s, reviews motivated accesses %s', (role, siteId, create, review) =>
    expect(sessionAbilities(actor(role, { siteId }))).toMatchObject({ createUsager: create, reviewBreakGlass: review }),
  );

  it('the administration, the security log and the statistics follow the rules of their modules', () => {
    expect(sessionAbilities(actor('dpo', { siteId: null }))).toMatchObject({
      readAuditLog: true,
      manageOrganisation: false,
      statistics: false,
    });
    expect(sessionAbilities(actor('admin_fonctionnel', { siteId: null }))).toMatchObject({
      readAuditLog: false,
      manageOrganisation: true,
      statistics: true,
      commissions: true,
    });
    expect(sessionAbilities(actor('secretaire'))).toMatchObject({
      statistics: false,
      listRetentionUpcoming: false,
      agenda: 'site',
    });
    expect(sessionAbilities(actor('responsable')).agenda).toBeNull();
  });

  it.each([
    ['travailleur_social', 'site-1', 'search', true, true],
    ['secretaire', 'site-1', 'search', false, false],
    ['responsable', 'site-1', 'search', false, false],
    ['admin_fonctionnel', null, 'admin', false, false],
    ['dpo', null, 'dpo', false, false],
  ] as const)('%s lands on %s; to-do list %s; référent of the files they open %s', (role, siteId, landing, todo, ref) =>
    expect(sessionAbilities(actor(role, { siteId }))).toMatchObject({ landing, todo, referentByDefault: ref }),
  );
});

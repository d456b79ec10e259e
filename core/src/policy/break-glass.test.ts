import { describe, expect, it } from 'vitest';
import type { Role } from '../domain/roles.js';
import type { Actor, UsagerTarget } from './actor.js';
import { canExportUsagerAccess, canListBreakGlass, canRequestBreakGlass, canReviewBreakGlass } from './break-glass.js';
import { canCreateEntry, canSetAppointmentStatus } from './journal.js';
import { usagerAbilities } from './usager.js';

/** Motivated access (docs/api.md): who may ask, what the grant opens (read only), who reviews, who exports. */

const FILE_ID = 'file-1';
const target: UsagerTarget = {
  id: FILE_ID,
  siteId: 'site-1',
  teamId: 'team-a',
  referentIds: ['ref'],
  referentTeamIds: ['team-a'],
  createdById: null,
};
const actor = (role: Role, over: Partial<Actor> = {}): Actor => ({
  id: 'u',
  role,
  siteId: 'site-2',
  teamIds: ['team-z'],
  ...over,
});

describe('motivated access', () => {
  it.each([
    ['travailleur_social', 'site-2', true],
    ['responsable', 'site-2', true],
    ['responsable', 'site-1', true],
    ['secretaire', 'site-2', false],
    ['admin_fonctionnel', null, false],
    ['dpo', null, false],
  ] as const)('%s of %s may ask: %s', (role, siteId, ok) =>
    expect(canRequestBreakGlass(actor(role, { siteId }), target)).toBe(ok),
  );

  it('a worker who already follows the file has nothing to ask', () => {
    expect(canRequestBreakGlass(actor('travailleur_social', { id: 'ref', siteId: 'site-1' }), target)).toBe(false);
  });

  it('the grant opens the full part to read, and nothing to write', () => {
    for (const role of ['travailleur_social', 'responsable'] as const) {
      const a = actor(role, { motivatedFileIds: [FILE_ID] });
      expect(usagerAbilities(a, target)).toEqual({
        readGeneral: true,
        readFull: true,
        updateIdentity: false,
        updateSituation: false,
        manageReferents: false,
        changeStatus: false,
        readConsultations: false,
      });
      expect(canCreateEntry(a, target, 'entretien_bureau')).toBe(false);
      expect(
        canSetAppointmentStatus(a, target, {
          authorId: 'ref',
          type: 'rendez_vous',
          visibility: 'equipe',
          workerIds: ['ref'],
        }),
      ).toBe(false);
    }
  });

  it('a grant on another file, or held by a secretary, opens nothing', () => {
    expect(usagerAbilities(actor('travailleur_social', { motivatedFileIds: ['file-2'] }), target).readGeneral).toBe(
      false,
    );
    expect(usagerAbilities(actor('secretaire', { motivatedFileIds: [FILE_ID] }), target).readGeneral).toBe(false);
    expect(
      usagerAbilities(actor('travailleur_social', { motivatedFileIds: [FILE_ID] }), { ...target, id: undefined })
        .readFull,
    ).toBe(false);
  });

  it('the DPO reviews every site, a responsable only their own', () => {
    expect(canListBreakGlass(actor('dpo', { siteId: null }))).toBe(true);
    expect(canListBreakGlass(actor('responsable'))).toBe(true);
    expect(canListBreakGlass(actor('travailleur_social'))).toBe(false);
    expect(canReviewBreakGlass(actor('dpo', { siteId: null }), 'site-1')).toBe(true);
    expect(canReviewBreakGlass(actor('responsable', { siteId: 'site-1' }), 'site-1')).toBe(true);
    expect(canReviewBreakGlass(actor('responsable', { siteId: 'site-2' }), 'site-1')).toBe(false);
    expect(canReviewBreakGlass(actor('admin_fonctionnel', { siteId: null }), 'site-1')).toBe(false);
  });

  it('the access export: référents and the responsable of the site, never a motivated access', () => {
    expect(canExportUsagerAccess(actor('travailleur_social', { id: 'ref', siteId: 'site-1' }), target)).toBe(true);
    expect(canExportUsagerAccess(actor('responsable', { siteId: 'site-1' }), target)).toBe(true);
    expect(canExportUsagerAccess(actor('responsable', { siteId: 'site-2', motivatedFileIds: [FILE_ID] }), target)).toBe(
      false,
    );
    expect(canExportUsagerAccess(actor('travailleur_social', { siteId: 'site-1', teamIds: ['team-a'] }), target)).toBe(
      false,
    );
    expect(canExportUsagerAccess(actor('dpo', { siteId: null }), target)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { Role } from '../domain/roles.js';
import type { Actor, UsagerTarget } from './actor.js';
import { canMergeFiles, canSeeFileMerges, mergeRefusal, mergeUndoState, type MergeCandidate } from './file-merge.js';

/** Fusion de dossiers (docs/api.md): référent of both files on their site; undone within 30 days. */

const file = (over: Partial<UsagerTarget> = {}): UsagerTarget => ({
  siteId: 'site-1',
  teamId: 'team-a',
  referentIds: ['me'],
  referentTeamIds: ['team-a'],
  createdById: null,
  ...over,
});
const actor = (role: Role = 'travailleur_social', over: Partial<Actor> = {}): Actor => ({
  id: 'me',
  role,
  siteId: 'site-1',
  teamIds: ['team-a'],
  ...over,
});

describe('canMergeFiles', () => {
  it.each([
    ['référent of both', actor(), file(), file(), true],
    ['référent of the kept file only', actor(), file(), file({ referentIds: ['other'] }), false],
    ['référent of the absorbed file only', actor(), file({ referentIds: ['other'] }), file(), false],
    ['same team, référent of neither', actor(), file({ referentIds: ['x'] }), file({ referentIds: ['y'] }), false],
    [
      'référent of both but now on another site',
      actor('travailleur_social', { siteId: 'site-2' }),
      file(),
      file(),
      false,
    ],
    ['files on two sites', actor(), file(), file({ siteId: 'site-2' }), false],
    ['a secretary named on both', actor('secretaire'), file(), file(), false],
    ['a site manager named on both', actor('responsable'), file(), file(), false],
    [
      'a motivated access to both',
      actor('travailleur_social', { siteId: 'site-2', motivatedFileIds: ['a', 'b'] }),
      file({ id: 'a', referentIds: [] }),
      file({ id: 'b', referentIds: [] }),
      false,
    ],
  ])('%s → %s', (_label, a, keep, absorbed, expected) => {
    expect(canMergeFiles(a, keep, absorbed)).toBe(expected);
  });

  it('the list of merges is for the référents of the file', () => {
    expect(canSeeFileMerges(actor(), file())).toBe(true);
    expect(canSeeFileMerges(actor(), file({ referentIds: ['x'] }))).toBe(false);
    expect(canSeeFileMerges(actor('responsable'), file())).toBe(false);
  });
});

describe('mergeRefusal', () => {
  const c = (over: Partial<MergeCandidate> = {}): MergeCandidate => ({
    id: 'a',
    status: 'actif',
    retentionState: 'active',
    mergedInto: null,
    ...over,
  });
  it.each([
    ['two active files', c(), c({ id: 'b' }), null],
    ['the same file', c(), c(), 'lui-même'],
    ['an absorbed file already merged', c(), c({ id: 'b', status: 'clos', mergedInto: 'z' }), 'déjà été fusionné'],
    ['a kept file already merged', c({ mergedInto: 'z' }), c({ id: 'b' }), 'déjà été fusionné'],
    ['a closed file', c(), c({ id: 'b', status: 'clos' }), 'actifs'],
    ['an archived file', c({ retentionState: 'archived' }), c({ id: 'b' }), 'actifs'],
  ])('%s', (_label, keep, absorbed, expected) => {
    const r = mergeRefusal(keep, absorbed);
    if (expected === null) expect(r).toBeNull();
    else expect(r).toContain(expected);
  });
});

describe('mergeUndoState (dated rule)', () => {
  const mergedAt = new Date('2026-11-01T10:00:00Z');
  it.each([
    ['the same day', '2026-11-01T18:00:00Z', null, 'open'],
    ['on the 30th day', '2026-12-01T10:00:00Z', null, 'open'],
    ['a minute after 30 days', '2026-12-01T10:01:00Z', null, 'expired'],
    ['once undone', '2026-11-02T10:00:00Z', '2026-11-01T12:00:00Z', 'undone'],
  ])('%s → %s', (_label, now, undoneAt, expected) => {
    expect(mergeUndoState({ mergedAt, undoneAt: undoneAt ? new Date(undoneAt) : null }, new Date(now))).toBe(expected);
  });
});

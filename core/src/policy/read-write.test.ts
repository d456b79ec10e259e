import { describe, expect, it } from 'vitest';
import {
  canListSensitiveSections,
  canOpenSensitiveSection,
  canReadSensitiveSection,
  canWriteSensitiveSection,
} from '../sections/policy.js';
import type { Actor, UsagerTarget } from './actor.js';
import { canExportUsagerAccess } from './break-glass.js';
import {
  canCreateEntry,
  canEditEntry,
  canReadEntryNote,
  canSetAppointmentStatus,
  type EntryTarget,
} from './journal.js';
import { canCreateShare, canExtendRetention, canManageConsents, canReadShares } from './partage.js';
import { canManageRestrictions } from './restriction.js';
import { canReadFullUsager, canReadGeneralUsager, usagerAbilities } from './usager.js';

/**
 * docs/security.md, "Access: read vs write, relations": a motivated access reads and never writes; a référent link
 * counts only on the file's site today; sensitive sections are read by the référents and their opener.
 */

const FILE: UsagerTarget = {
  id: 'file-1',
  siteId: 'site-a',
  teamId: 'team-a',
  referentIds: ['ref', 'coref'],
  referentTeamIds: ['team-a', 'team-b'],
  createdById: 'ref',
};
const ts = (id: string, over: Partial<Actor> = {}): Actor => ({
  id,
  role: 'travailleur_social',
  siteId: 'site-a',
  teamIds: ['team-a'],
  ...over,
});

const breakGlass = ts('bg', { siteId: 'site-b', teamIds: ['team-z'], motivatedFileIds: ['file-1'] });
const breakGlassResponsable: Actor = { ...breakGlass, role: 'responsable', teamIds: [] };
const coReferent = ts('coref', { teamIds: ['team-c'] });
/** Named co-référent, then moved to site B: the link was not ended (data left by an older version). */
const formerReferent = ts('coref', { siteId: 'site-b', teamIds: ['team-z'] });

const writes = (a: Actor, f: UsagerTarget) => ({
  ...Object.fromEntries(Object.entries(usagerAbilities(a, f)).filter(([k]) => !k.startsWith('read'))),
  createShare: canCreateShare(a, f),
  manageConsents: canManageConsents(a, f),
  openSection: canOpenSensitiveSection(a, f),
  writeSection: canWriteSensitiveSection(a, f, { openedById: 'ref' }),
  createEntry: canCreateEntry(a, f, 'entretien_bureau'),
  manageRestrictions: canManageRestrictions(a, f),
  extendRetention: canExtendRetention(a, f),
  exportAccess: canExportUsagerAccess(a, f),
});

describe('a motivated access (break-glass) reads, never writes', () => {
  it.each([
    ['worker of another site', breakGlass],
    ['responsable of another site', breakGlassResponsable],
  ])('%s: full part, shares, a section opened by someone else — and no write ability at all', (_, a) => {
    expect(canReadFullUsager(a, FILE)).toBe(true);
    expect(canReadShares(a, FILE)).toBe(true);
    expect(canListSensitiveSections(a, FILE)).toBe(true);
    expect(canReadSensitiveSection(a, FILE, { openedById: 'ref' })).toBe(true);
    for (const [ability, allowed] of Object.entries(writes(a, FILE))) expect(allowed, ability).toBe(false);
  });

  it('the grant is for its file only', () => {
    expect(canReadFullUsager(breakGlass, { ...FILE, id: 'file-2' })).toBe(false);
  });
});

describe('relations are checked against today’s organisation', () => {
  it('a co-référent of another team follows the file: reads and writes', () => {
    expect(canReadFullUsager(coReferent, FILE)).toBe(true);
    for (const [ability, allowed] of Object.entries(writes(coReferent, FILE))) expect(allowed, ability).toBe(true);
  });

  it('a former référent now on another site: the stale link grants nothing, read or write', () => {
    expect(canReadGeneralUsager(formerReferent, FILE)).toBe(false);
    expect(canReadFullUsager(formerReferent, FILE)).toBe(false);
    for (const [ability, allowed] of Object.entries(writes(formerReferent, FILE))) expect(allowed, ability).toBe(false);
    const note: EntryTarget = { authorId: 'x', type: 'entretien_bureau', visibility: 'referents', workerIds: [] };
    expect(canReadEntryNote(formerReferent, FILE, note)).toBe(false);
  });
});

describe('journal entries: author vs non-author', () => {
  const entry: EntryTarget = { authorId: 'author', type: 'rendez_vous', visibility: 'equipe', workerIds: ['author'] };
  it.each([
    ['the author, in the following team', ts('author'), true],
    ['a colleague of the team (not the author)', ts('colleague'), false],
    ['the author, moved to another team of the site', ts('author', { teamIds: ['team-x'] }), false],
    ['the author, moved to another site', ts('author', { siteId: 'site-b' }), false],
    ['a motivated access', breakGlass, false],
  ])('%s: edit %s', (_, a, ok) => {
    expect(canEditEntry(a, FILE, entry)).toBe(ok);
  });

  it('the appointment status: its worker while on the site, never from another site', () => {
    expect(canSetAppointmentStatus(ts('author', { teamIds: ['team-x'] }), FILE, entry)).toBe(true);
    expect(canSetAppointmentStatus(ts('author', { siteId: 'site-b', teamIds: [] }), FILE, entry)).toBe(false);
    expect(canSetAppointmentStatus(breakGlass, FILE, entry)).toBe(false);
  });
});

describe('sensitive sections: the référents and the worker who opened them', () => {
  const teamMember = ts('colleague');
  it.each([
    ['référent', ts('ref'), 'someone', true],
    ['co-référent of another team', coReferent, 'someone', true],
    ['the opener, of the team', teamMember, 'colleague', true],
    ['another member of the team', teamMember, 'someone', false],
    ['a worker of another team of the site', ts('other', { teamIds: ['team-x'] }), 'other', false],
    ['a former référent on another site', formerReferent, 'coref', false],
  ])('%s: read and write %s', (_, a, openedBy, ok) => {
    expect(canReadSensitiveSection(a, FILE, { openedById: openedBy })).toBe(ok);
    expect(canWriteSensitiveSection(a, FILE, { openedById: openedBy })).toBe(ok);
  });

  it('another member of the team lists the sections and opens a closed one, but reads an open one only by a motivated access', () => {
    const withGrant = { ...teamMember, motivatedFileIds: ['file-1'] };
    expect(canListSensitiveSections(teamMember, FILE)).toBe(true);
    expect(canOpenSensitiveSection(teamMember, FILE)).toBe(true);
    expect(canReadSensitiveSection(withGrant, FILE, { openedById: 'someone' })).toBe(true);
    expect(canWriteSensitiveSection(withGrant, FILE, { openedById: 'someone' })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { EntryType, NoteVisibility } from '../domain/journal.js';
import type { Role } from '../domain/roles.js';
import type { Actor, UsagerTarget } from './actor.js';
import { canCreateEntry, canReadEntryHeader, canReadEntryNote, entryAbilities } from './journal.js';

/** The journal's table (docs/api.md, Journal, agenda, catalogues) — entry part × relation — as a table-driven test. */

const SITE = 's1';
const file: UsagerTarget = {
  siteId: SITE,
  teamId: 'ta',
  referentIds: ['referent'],
  referentTeamIds: ['ta'],
  createdById: null,
};
type Relation = 'author' | 'referent' | 'same_team' | 'same_site' | 'secretary' | 'other_site' | 'admin';

const actorFor = (rel: Relation): Actor => {
  const ts = (id: string, site: string, teams: string[], role: Role = 'travailleur_social'): Actor => ({
    id,
    role,
    siteId: site,
    teamIds: teams,
  });
  switch (rel) {
    case 'author':
      return ts('author', SITE, ['tb']);
    case 'referent':
      return ts('referent', SITE, ['tb']);
    case 'same_team':
      return ts('colleague', SITE, ['ta']);
    case 'same_site':
      return ts('other-team', SITE, ['tb']);
    case 'secretary':
      return ts('secretary', SITE, [], 'secretaire');
    case 'other_site':
      return ts('far', 's2', ['ta']);
    case 'admin':
      return { id: 'admin', role: 'admin_fonctionnel', siteId: null, teamIds: [] };
  }
};
const entry = (type: EntryType, visibility: NoteVisibility) => ({
  authorId: 'author',
  type,
  visibility,
  workerIds: ['author'],
});

// columns: header of an interview, header of an appointment, note privee, note referents, note equipe
const TABLE: [Relation, string][] = [
  ['author', 'HAPRE'],
  ['referent', 'HA-RE'],
  ['same_team', 'HA--E'],
  ['same_site', '-----'],
  ['secretary', '-A---'],
  ['other_site', '-----'],
  ['admin', '-----'],
];

describe('journal entry access', () => {
  it.each(TABLE)('%s → %s', (rel, flags) => {
    const a = actorFor(rel);
    const got = [
      canReadEntryHeader(a, file, entry('entretien_bureau', 'referents')) ? 'H' : '-',
      canReadEntryHeader(a, file, entry('rendez_vous', 'referents')) ? 'A' : '-',
      canReadEntryNote(a, file, entry('entretien_bureau', 'privee')) ? 'P' : '-',
      canReadEntryNote(a, file, entry('entretien_bureau', 'referents')) ? 'R' : '-',
      canReadEntryNote(a, file, entry('entretien_bureau', 'equipe')) ? 'E' : '-',
    ].join('');
    expect(got).toBe(flags);
  });

  it('a secretary never reads a note, even on an appointment or a reception entry she can see', () => {
    const sec = actorFor('secretary');
    for (const v of ['privee', 'referents', 'equipe'] as const) {
      expect(canReadEntryNote(sec, file, { ...entry('accueil', v), authorId: 'secretary' })).toBe(false);
    }
  });

  it.each([
    ['referent', 'entretien_bureau', true],
    ['same_team', 'visite_domicile', true],
    ['same_site', 'appel_entrant', false],
    ['secretary', 'accueil', true],
    ['secretary', 'rendez_vous', true],
    ['secretary', 'entretien_bureau', false],
    ['other_site', 'accueil', false],
    ['admin', 'accueil', false],
  ] as const)('%s creates %s → %s', (rel, type, ok) => {
    expect(canCreateEntry(actorFor(rel), file, type)).toBe(ok);
  });

  it('only the author edits, while following the file; the appointment status is open to the team and the secretary', () => {
    const rdv = entry('rendez_vous', 'referents');
    expect(entryAbilities({ ...actorFor('author'), teamIds: ['ta'] }, file, rdv)).toEqual({
      readNote: true,
      edit: true,
      delete: true,
      setStatus: true,
      printConvocation: true,
    });
    // The author who no longer follows the file (moved to team tb) keeps the appointment's status, not the edit.
    expect(entryAbilities(actorFor('author'), file, rdv)).toEqual({
      readNote: true,
      edit: false,
      delete: false,
      setStatus: true,
      printConvocation: true,
    });
    expect(entryAbilities(actorFor('referent'), file, rdv)).toEqual({
      readNote: true,
      edit: false,
      delete: false,
      setStatus: true,
      printConvocation: true,
    });
    expect(entryAbilities(actorFor('secretary'), file, rdv)).toEqual({
      readNote: false,
      edit: false,
      delete: false,
      setStatus: true,
      printConvocation: true,
    });
    expect(entryAbilities(actorFor('same_site'), file, rdv).setStatus).toBe(false);
    // The convocation is printed for an appointment only (docs/api.md, "Courriers").
    expect(entryAbilities(actorFor('referent'), file, entry('appel_entrant', 'referents')).printConvocation).toBe(
      false,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../domain/roles.js';
import type { Actor, UsagerTarget } from './actor.js';
import { canCreateUsager, canSearchUsagers, usagerAbilities } from './usager.js';

/** The need-to-know table (domain.md §1.4; docs/security.md, Accès, entrées, en-têtes) as a table-driven test (style rule 14): role × relation → ability map. */

const SITE = 'site-1';
const OTHER_SITE = 'site-2';
const TEAM_A = 'team-a';
const TEAM_B = 'team-b';
const REFERENT = 'user-referent';

type Relation = 'referent' | 'same_team' | 'same_site' | 'other_site' | 'author' | 'co_referent';

const file = (over: Partial<UsagerTarget> = {}): UsagerTarget => ({
  siteId: SITE,
  teamId: TEAM_A,
  referentIds: [REFERENT],
  referentTeamIds: [TEAM_A],
  createdById: null,
  ...over,
});

const setting = (role: Role, relation: Relation): { actor: Actor; target: UsagerTarget } => {
  const onSite = role === 'admin_fonctionnel' || role === 'dpo' ? null : SITE;
  switch (relation) {
    case 'referent':
      return {
        actor: { id: REFERENT, role, siteId: onSite, teamIds: [TEAM_B] },
        target: file({ teamId: TEAM_A, referentTeamIds: [TEAM_B] }),
      };
    case 'co_referent':
      return {
        actor: { id: 'me', role, siteId: onSite, teamIds: [TEAM_B] },
        target: file({ referentIds: [REFERENT, 'me'] }),
      };
    case 'same_team':
      return { actor: { id: 'me', role, siteId: onSite, teamIds: [TEAM_A] }, target: file() };
    case 'same_site':
      return { actor: { id: 'me', role, siteId: onSite, teamIds: [TEAM_B] }, target: file() };
    case 'author':
      return { actor: { id: 'me', role, siteId: onSite, teamIds: [TEAM_B] }, target: file({ createdById: 'me' }) };
    case 'other_site':
      return {
        actor: { id: 'me', role, siteId: onSite === null ? null : OTHER_SITE, teamIds: ['team-x'] },
        target: file(),
      };
  }
};

// G = readGeneral, F = readFull, I = updateIdentity, S = updateSituation, R = manageReferents, C = changeStatus, L = readConsultations
const abilities = (flags: string) => ({
  readGeneral: flags.includes('G'),
  readFull: flags.includes('F'),
  updateIdentity: flags.includes('I'),
  updateSituation: flags.includes('S'),
  manageReferents: flags.includes('R'),
  changeStatus: flags.includes('C'),
  readConsultations: flags.includes('L'),
});

const TABLE: [Role, Relation, string][] = [
  ['travailleur_social', 'referent', 'GFISRCL'],
  ['travailleur_social', 'co_referent', 'GFISRCL'],
  ['travailleur_social', 'same_team', 'GFISRC'],
  ['travailleur_social', 'same_site', 'G'],
  ['travailleur_social', 'author', 'G'],
  ['travailleur_social', 'other_site', ''],
  ['secretaire', 'referent', 'GI'],
  ['secretaire', 'same_team', 'GI'],
  ['secretaire', 'same_site', 'GI'],
  ['secretaire', 'author', 'GI'],
  ['secretaire', 'other_site', ''],
  ['responsable', 'referent', 'GR'],
  ['responsable', 'same_team', 'GR'],
  ['responsable', 'same_site', 'GR'],
  ['responsable', 'author', 'GR'],
  ['responsable', 'other_site', ''],
  ...(['admin_fonctionnel', 'dpo'] as const).flatMap((role) =>
    (['referent', 'same_team', 'same_site', 'author', 'other_site'] as const).map((rel): [Role, Relation, string] => [
      role,
      rel,
      '',
    ]),
  ),
];

describe('usager need-to-know policy', () => {
  it.each(TABLE)('%s / %s → %s', (role, relation, flags) => {
    const { actor, target } = setting(role, relation);
    expect(usagerAbilities(actor, target)).toEqual(abilities(flags));
  });

  it('covers every role', () => {
    expect(new Set(TABLE.map(([r]) => r))).toEqual(new Set(ROLES));
  });

  it.each([
    ['travailleur_social', true, true],
    ['secretaire', true, true],
    ['responsable', true, false],
    ['admin_fonctionnel', false, false],
    ['dpo', false, false],
  ] as const)('%s: search %s, create %s', (role, search, create) => {
    const actor: Actor = {
      id: 'me',
      role,
      siteId: role === 'admin_fonctionnel' || role === 'dpo' ? null : SITE,
      teamIds: [],
    };
    expect(canSearchUsagers(actor)).toBe(search);
    expect(canCreateUsager(actor)).toBe(create);
  });

  it('a worker of the referent team on another site does not get the file', () => {
    const actor: Actor = { id: 'me', role: 'travailleur_social', siteId: OTHER_SITE, teamIds: [TEAM_A] };
    expect(usagerAbilities(actor, file()).readGeneral).toBe(false);
  });

  it('an inactive référent assignment (not in referentIds) gives nothing special', () => {
    const actor: Actor = { id: 'former', role: 'travailleur_social', siteId: SITE, teamIds: [TEAM_B] };
    expect(usagerAbilities(actor, file()).readFull).toBe(false);
  });
});

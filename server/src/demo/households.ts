import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { CaseFileTable, HouseholdMemberTable, HouseholdTable, PersonTable } from '../db/schema.js';
import { DOMICILIATION_ORGANISMS, FEMALE_FIRST, MALE_FIRST, STREETS, SURNAMES } from './names.js';
import type { Rng } from './random.js';

export interface GeneratedHousehold {
  persons: (Insertable<PersonTable> & { id: string })[];
  household: Insertable<HouseholdTable> & { id: string };
  members: Insertable<HouseholdMemberTable>[];
  principalId: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const yearsAgo = (now: Date, y: number) => new Date(now.getTime() - y * 365.25 * 86_400_000);

/** A plausible Paris household for a social-service file: composition, housing and activity consistent. */
export function generateHousehold(rng: Rng, now: Date, arrondissement: number): GeneratedHousehold {
  const shape = rng.weighted([
    ['isole', 45],
    ['monoparentale', 25],
    ['couple_enfants', 18],
    ['couple', 8],
    ['autre', 4],
  ] as const);
  const surname = rng.pick(SURNAMES);
  const principalSex =
    shape === 'monoparentale'
      ? rng.weighted([
          ['F', 85],
          ['M', 15],
        ] as const)
      : rng.pick(['F', 'M'] as const);
  const person = (sex: 'F' | 'M', minAge: number, maxAge: number, name = surname) => {
    const birth = rng.date(yearsAgo(now, maxAge), yearsAgo(now, minAge));
    const working = rng.next() < 0.3;
    return {
      id: randomUUID(),
      birth_name: name,
      used_name: null,
      first_names: rng.pick(sex === 'F' ? FEMALE_FIRST : MALE_FIRST),
      sex,
      birth_date: iso(birth),
      birth_place: rng.next() < 0.6 ? 'Paris' : null,
      nationality: rng.weighted([
        ['F', 60],
        ['C', 8],
        ['A', 28],
        ['NR', 4],
      ] as const),
      marital_status: 'NR',
      phone: rng.next() < 0.8 ? `06 ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}` : null,
      email: null,
      caf_number: rng.next() < 0.6 ? String(rng.int(1_000_000, 9_999_999)) : null,
      france_travail_id: null,
      employment_status:
        minAge >= 18 ? (working ? '11' : rng.pick(['12', '12', '21', '24', '25', 'NR'])) : minAge >= 14 ? '22' : '23',
      caf_activity: minAge >= 18 ? (working ? 'SAL' : rng.pick(['CHR', 'CNI', 'SSA', 'RET', 'NR'])) : 'NR',
      education_level: minAge >= 18 ? rng.pick(['0', '1', '3', '3', '4', '5', '6', 'NR', 'REFUS']) : 'NR',
    };
  };
  const principal = person(principalSex, 19, 78);
  const persons = [principal];
  const members: Insertable<HouseholdMemberTable>[] = [];
  const start = iso(rng.date(yearsAgo(now, 6), yearsAgo(now, 0.2)));
  members.push({
    household_id: '',
    person_id: principal.id,
    relationship: '1',
    start_date: start,
    start_reason: 'ouverture',
  });
  const couple = shape === 'couple' || shape === 'couple_enfants';
  if (couple) {
    const partner = person(principalSex === 'F' ? 'M' : 'F', 19, 70, rng.next() < 0.3 ? rng.pick(SURNAMES) : surname);
    principal.marital_status = rng.pick(['MAR', 'PAC', 'VIM']);
    partner.marital_status = principal.marital_status;
    persons.push(partner);
    members.push({
      household_id: '',
      person_id: partner.id,
      relationship: '2',
      start_date: start,
      start_reason: 'arrivee',
    });
  } else {
    principal.marital_status = rng.pick(['CEL', 'CEL', 'DIV', 'SEF', 'VEU', 'NR']);
  }
  if (shape === 'monoparentale' || shape === 'couple_enfants') {
    for (let i = 0, n = rng.int(1, 4); i < n; i++) {
      const child = person(rng.pick(['F', 'M'] as const), 0, 17);
      persons.push(child);
      const born = child.birth_date > start;
      members.push({
        household_id: '',
        person_id: child.id,
        relationship: '3',
        start_date: born ? child.birth_date : start,
        start_reason: born ? 'naissance' : 'arrivee',
      });
    }
  }
  if (shape === 'autre') {
    const other = person(rng.pick(['F', 'M'] as const), 18, 80, rng.pick(SURNAMES));
    persons.push(other);
    members.push({
      household_id: '',
      person_id: other.id,
      relationship: rng.pick(['5', '6', '7']),
      start_date: start,
      start_reason: 'arrivee',
    });
  }
  const adults = persons.filter((p) => p.employment_status !== '22' && p.employment_status !== '23');
  const working = adults.filter((p) => p.employment_status === '11');
  const familyType =
    shape === 'isole'
      ? principalSex === 'M'
        ? '11'
        : '12'
      : shape === 'monoparentale'
        ? principalSex === 'M'
          ? '31'
          : '32'
        : shape === 'autre'
          ? '20'
          : working.length >= 2
            ? '41'
            : working.length === 0
              ? '44'
              : working[0]?.sex === 'M'
                ? '42'
                : '43';
  const domiciliation = rng.next() < 0.12;
  const housingNature = domiciliation
    ? rng.pick(['0912', '0909', '0905', '0903'])
    : rng.weighted([
        ['0901', 45],
        ['0902', 20],
        ['0909', 10],
        ['0905', 8],
        ['0911', 7],
        ['0904', 5],
        ['NR', 5],
      ] as const);
  const housingStatus = domiciliation
    ? 'ZZ'
    : housingNature === '0909'
      ? '30'
      : housingNature === '0905'
        ? '23'
        : rng.weighted([
            ['22', 45],
            ['21', 30],
            ['23', 10],
            ['10', 3],
            ['NR', 12],
          ] as const);
  const household = {
    id: randomUUID(),
    address_line: domiciliation ? null : `${rng.int(1, 180)} ${rng.pick(STREETS)}`,
    postal_code: domiciliation ? null : `750${String(arrondissement).padStart(2, '0')}`,
    city: domiciliation ? null : 'Paris',
    domiciliation,
    domiciliation_organism: domiciliation ? rng.pick(DOMICILIATION_ORGANISMS) : null,
    housing_status: housingStatus,
    housing_nature: housingNature,
    family_type: familyType,
  };
  for (const m of members) m.household_id = household.id;
  return { persons, household, members, principalId: principal.id };
}

export type NewCaseFile = Insertable<CaseFileTable> & { id: string };

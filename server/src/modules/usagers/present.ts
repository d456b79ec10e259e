import {
  labelOf,
  type CodeListId,
  type CodedValue,
  type HouseholdMemberDto,
  type FileAbilities,
  type UsagerDto,
} from '@jalon/core';
import type { UsagerRow, findActiveReferents, findMembers } from './queries.js';

type Referents = Awaited<ReturnType<typeof findActiveReferents>>;
type Members = Awaited<ReturnType<typeof findMembers>>;

const coded = (list: CodeListId, code: string): CodedValue => ({ code, label: labelOf(list, code) });
const codedOrNull = (list: CodeListId, code: string | null): CodedValue | null => (code ? coded(list, code) : null);
const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** "NOM Prénom", with the used name first when there is one. */
export const displayName = (p: { birth_name: string; used_name: string | null; first_names: string }): string =>
  `${(p.used_name ?? p.birth_name).toUpperCase()} ${p.first_names}`;

const presentMember = (m: Members[number]): HouseholdMemberDto => ({
  memberId: m.id,
  personId: m.person_id,
  birthName: m.birth_name,
  usedName: m.used_name,
  firstNames: m.first_names,
  sex: codedOrNull('sexe', m.sex),
  birthDate: m.birth_date,
  relationship: coded('lienPersonneReference', m.relationship),
  startDate: m.start_date,
  endDate: m.end_date,
  startReason: m.start_reason,
  endReason: m.end_reason,
});

/**
 * Whitelists the fields the caller may see (style rule 4): the general part for everyone on the site,
 * the `full` part only when `can.readFull` — or when the consumer's own rule asks for it (`part`: the DPO's read of an
 * archived file), with the caller's real abilities, never a faked `can`. Never a spread of a database row.
 */
export function presentUsager(
  row: UsagerRow,
  referents: Referents,
  members: Members | null,
  can: FileAbilities,
  part: 'full' | 'general' = can.readFull ? 'full' : 'general',
): UsagerDto {
  const referent = referents.find((r) => r.kind === 'referent');
  const data: UsagerDto['data'] = {
    id: row.id,
    fileNumber: row.file_number,
    status: row.status,
    version: row.version,
    site: { id: row.site_id, code: row.site_code, name: row.site_name, profile: row.site_profile },
    team: row.team_id && row.team_name ? { id: row.team_id, name: row.team_name } : null,
    referent: referent ? { id: referent.user_id, displayName: referent.display_name } : null,
    coReferents: referents
      .filter((r) => r.kind === 'co_referent')
      .map((r) => ({ id: r.user_id, displayName: r.display_name })),
    lastContactAt: iso(row.last_contact_at),
    openedAt: iso(row.opened_at) ?? '',
    person: {
      id: row.person_id,
      birthName: row.birth_name,
      usedName: row.used_name,
      firstNames: row.first_names,
      sex: codedOrNull('sexe', row.sex),
      birthDate: row.birth_date,
      birthPlace: row.birth_place,
    },
    contact: {
      phone: row.phone,
      email: row.email,
      addressLine: row.address_line,
      postalCode: row.postal_code,
      city: row.city,
      domiciliation: row.domiciliation,
      domiciliationOrganism: row.domiciliation_organism,
    },
  };
  if (part === 'full' && members) {
    data.full = {
      identifiers: { cafNumber: row.caf_number, franceTravailId: row.france_travail_id },
      situation: {
        nationality: coded('nationalite', row.nationality),
        maritalStatus: coded('situationConjugale', row.marital_status),
        employmentStatus: coded('statutProfessionnel', row.employment_status),
        cafActivity: coded('activiteCaf', row.caf_activity),
        educationLevel: coded('niveauScolarite', row.education_level),
      },
      household: {
        id: row.household_id,
        housingStatus: coded('logementStocd', row.housing_status),
        housingNature: coded('logementNatlog', row.housing_nature),
        familyType: coded('contexteFamilial', row.family_type),
        members: members.map(presentMember),
      },
      closingReason: row.closing_reason,
    };
  }
  return { data, can };
}

import type { Auditor } from '../../audit/audit.js';
import { audit } from '../../audit/audit.js';
import { diffFields } from '../../audit/diff.js';
import type { Queryable } from '../../db/schema.js';
import { nextFileNumber, refreshSearch } from './queries.js';
import { addReferents, insertCaseFile, insertHousehold, insertMember, insertPerson } from './write-queries.js';

/** A person brought by an import, already validated and mapped to Jalon's codes by the import's adapter. */
export interface ImportedPerson {
  birthName: string;
  usedName: string | null;
  firstNames: string;
  birthDate: string;
  sex: string | null;
  phone: string | null;
  email: string | null;
  maritalStatus: string;
  employmentStatus: string;
}
export interface ImportedHousehold {
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  housingStatus: string;
  familyType: string;
}

const personValues = (p: ImportedPerson) => ({
  birth_name: p.birthName,
  used_name: p.usedName,
  first_names: p.firstNames,
  sex: p.sex,
  birth_date: p.birthDate,
  phone: p.phone,
  email: p.email,
  marital_status: p.maritalStatus,
  employment_status: p.employmentStatus,
});

/**
 * Opens a file for an imported person in the import's transaction (docs/architecture.md, "Import pipeline"): the same
 * rows as a creation (person, household, reference membership, case file, référent, search keys) with the site, team
 * and référent the import's mapping gives, and its `usager.create` audit row marked `imported`.
 */
export async function createImportedFile(
  trx: Queryable,
  who: Auditor & { actor: { id: string; role: string | null } },
  input: {
    siteId: string;
    teamId: string | null;
    referentId: string | null;
    person: ImportedPerson;
    household: ImportedHousehold;
    importId: string;
  },
): Promise<{ id: string; fileNumber: string; personId: string }> {
  const pv = personValues(input.person);
  const person = await insertPerson(trx, pv);
  const hv = {
    address_line: input.household.addressLine,
    postal_code: input.household.postalCode,
    city: input.household.city,
    domiciliation: false,
    housing_status: input.household.housingStatus,
    family_type: input.household.familyType,
  };
  const household = await insertHousehold(trx, hv);
  const day = who.now.toISOString().slice(0, 10);
  await insertMember(trx, {
    household_id: household.id,
    person_id: person.id,
    relationship: '1',
    start_date: day,
    start_reason: 'ouverture',
  });
  const fileNumber = await nextFileNumber(trx, who.now);
  const file = await insertCaseFile(trx, {
    file_number: fileNumber,
    household_id: household.id,
    principal_person_id: person.id,
    site_id: input.siteId,
    team_id: input.teamId,
    opened_at: who.now,
    last_contact_at: who.now,
    created_by: who.actor.id,
    updated_at: who.now,
  });
  if (input.referentId) await addReferents(trx, file.id, [[input.referentId, 'referent']], who.now);
  await refreshSearch(trx, file.id);
  await audit(trx, who, 'usager.create', {
    caseFileId: file.id,
    targetType: 'case_file',
    targetId: file.id,
    diff: {
      ...diffFields('usager.create', {}, { ...pv, ...hv, team_id: input.teamId, referent_id: input.referentId }),
      imported: { from: null, to: input.importId },
    },
  });
  return { id: file.id, fileNumber, personId: person.id };
}

/** Adds an imported person to the household of a file (a member the legacy export listed), audited like an addition. */
export async function addImportedMember(
  trx: Queryable,
  who: Auditor,
  input: { caseFileId: string; householdId: string; person: ImportedPerson; relationship: string; importId: string },
): Promise<{ personId: string }> {
  const person = await insertPerson(trx, personValues(input.person));
  await insertMember(trx, {
    household_id: input.householdId,
    person_id: person.id,
    relationship: input.relationship,
    start_date: who.now.toISOString().slice(0, 10),
    start_reason: 'arrivee',
  });
  await refreshSearch(trx, input.caseFileId);
  await audit(trx, who, 'household.member_add', {
    caseFileId: input.caseFileId,
    targetType: 'person',
    targetId: person.id,
    diff: { imported: { from: null, to: input.importId } },
  });
  return { personId: person.id };
}

import { randomUUID } from 'node:crypto';
import type { Auditor } from '../../audit/audit.js';
import type { Queryable } from '../../db/schema.js';
import type { PersonKeys } from './duplicates.js';
import type { ImportedHousehold, ImportedPerson } from './imported.js';
import {
  findSiteDuplicatesMany,
  householdsOfFiles,
  insertCaseFiles,
  insertHouseholds,
  insertMembers,
  insertPersons,
  insertReferents,
  nextFileNumbers,
  addSearchRows,
} from './import-queries.js';

/**
 * Files and household members brought by an import batch (docs/architecture.md,
 * "Import pipeline"; ADR 013): the same rows (person, household, reference membership, case file, référent, search
 * keys), one statement per table for the whole batch. The caller audits the batch in the same transaction (one
 * `import.batch` row naming the files written: modules/imports).
 */

const personRow = (id: string, p: ImportedPerson) => ({
  id,
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

export interface ImportedFileInput {
  teamId: string | null;
  referentId: string | null;
  person: ImportedPerson;
  household: ImportedHousehold;
}

export async function createImportedFiles(
  trx: Queryable,
  who: Auditor & { actor: { id: string; role: string | null } },
  siteId: string,
  input: ImportedFileInput[],
): Promise<{ id: string; fileNumber: string; personId: string }[]> {
  if (!input.length) return [];
  const day = who.now.toISOString().slice(0, 10);
  const year = String(who.now.getFullYear()).slice(2);
  const numbers = await nextFileNumbers(trx, input.length);
  const made = input.map((x, i) => ({
    x,
    id: randomUUID(),
    personId: randomUUID(),
    householdId: randomUUID(),
    fileNumber: `${year}-${String(numbers[i] ?? 0).padStart(6, '0')}`,
  }));
  await insertPersons(
    trx,
    made.map((m) => personRow(m.personId, m.x.person)),
  );
  await insertHouseholds(
    trx,
    made.map((m) => ({
      id: m.householdId,
      address_line: m.x.household.addressLine,
      postal_code: m.x.household.postalCode,
      city: m.x.household.city,
      domiciliation: false,
      housing_status: m.x.household.housingStatus,
      family_type: m.x.household.familyType,
    })),
  );
  await insertMembers(
    trx,
    made.map((m) => ({
      household_id: m.householdId,
      person_id: m.personId,
      relationship: '1',
      start_date: day,
      start_reason: 'ouverture',
    })),
  );
  await insertCaseFiles(
    trx,
    made.map((m) => ({
      id: m.id,
      file_number: m.fileNumber,
      household_id: m.householdId,
      principal_person_id: m.personId,
      site_id: siteId,
      team_id: m.x.teamId,
      opened_at: who.now,
      last_contact_at: who.now,
      created_by: who.actor.id,
      updated_at: who.now,
    })),
  );
  await insertReferents(
    trx,
    made
      .filter((m) => m.x.referentId)
      .map((m) => ({ case_file_id: m.id, user_id: m.x.referentId!, kind: 'referent' as const, start_at: who.now })),
  );
  await addSearchRows(
    trx,
    made.map((m) => m.personId),
  );
  return made.map((m) => ({ id: m.id, fileNumber: m.fileNumber, personId: m.personId }));
}

/** Members added to the households of files (a member each), with their search rows. */
export async function addImportedMembers(
  trx: Queryable,
  who: Auditor,
  input: { caseFileId: string; person: ImportedPerson; relationship: string }[],
): Promise<({ personId: string } | null)[]> {
  if (!input.length) return [];
  const files = [...new Set(input.map((m) => m.caseFileId))];
  const households = new Map((await householdsOfFiles(trx, files)).map((h) => [h.id, h.household_id]));
  const day = who.now.toISOString().slice(0, 10);
  const made = input.map((m) => ({ m, personId: randomUUID(), householdId: households.get(m.caseFileId) }));
  const kept = made.filter((x) => x.householdId);
  await insertPersons(
    trx,
    kept.map((x) => personRow(x.personId, x.m.person)),
  );
  await insertMembers(
    trx,
    kept.map((x) => ({
      household_id: x.householdId!,
      person_id: x.personId,
      relationship: x.m.relationship,
      start_date: day,
      start_reason: 'arrivee',
    })),
  );
  await addSearchRows(
    trx,
    kept.map((x) => x.personId),
  );
  return made.map((x) => (x.householdId ? { personId: x.personId } : null));
}

/**
 * The duplicate matcher of file creation for a batch (the imports' dedupe): the first file of the site each person
 * matches, or null; run inside the import's own transaction, nothing shown, nothing counted or logged.
 */
export const siteDuplicateIdsMany = (db: Queryable, siteId: string, persons: PersonKeys[]) =>
  findSiteDuplicatesMany(db, siteId, persons);

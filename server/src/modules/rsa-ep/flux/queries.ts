import type { Queryable } from '../../../db/schema.js';

/** SQL of the CAF flux adapter (docs/api.md, "RSA : flux CAF"). */

/**
 * The persons of the site's files known under this n° allocataire (the person's own CAF number or the RSA block's)
 * and born on this day: a sure match.
 */
export const personsByAllocataire = (db: Queryable, siteId: string, matricule: string, birthDate: string) =>
  db
    .selectFrom('person as p')
    .innerJoin('household_member as m', 'm.person_id', 'p.id')
    .innerJoin('case_file as c', 'c.household_id', 'm.household_id')
    .leftJoin('rsa_person as r', (j) => j.onRef('r.person_id', '=', 'p.id').onRef('r.case_file_id', '=', 'c.id'))
    .select(['p.id as person_id', 'c.id as case_file_id'])
    .where('c.site_id', '=', siteId)
    .where('m.end_date', 'is', null)
    .where('p.birth_date', '=', birthDate)
    .where((eb) => eb.or([eb('p.caf_number', '=', matricule), eb('r.num_allocataire', '=', matricule)]))
    .limit(2)
    .execute();

/** The current member of a file born on this day (the person a confirmed match stands for). */
export const memberBornOn = (db: Queryable, caseFileId: string, birthDate: string) =>
  db
    .selectFrom('case_file as c')
    .innerJoin('household_member as m', 'm.household_id', 'c.household_id')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select('p.id as person_id')
    .where('c.id', '=', caseFileId)
    .where('m.end_date', 'is', null)
    .where('p.birth_date', '=', birthDate)
    .executeTakeFirst();

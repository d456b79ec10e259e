import type { Insertable } from 'kysely';
import type { Queryable, RsaOrientationDecisionTable, RsaOrientationTable } from '../../../db/schema.js';

export const orientationRowsOfFile = (db: Queryable, fileId: string) =>
  db.selectFrom('rsa_orientation').selectAll().where('case_file_id', '=', fileId).execute();

export const findOrientation = (db: Queryable, personId: string) =>
  db.selectFrom('rsa_orientation').selectAll().where('person_id', '=', personId).forUpdate().executeTakeFirst();

export const upsertOrientation = (db: Queryable, row: Insertable<RsaOrientationTable>) =>
  db
    .insertInto('rsa_orientation')
    .values(row)
    .onConflict((oc) =>
      oc.column('person_id').doUpdateSet({ ...row, version: (eb) => eb('rsa_orientation.version', '+', 1) }),
    )
    .execute();

export const insertDecision = (db: Queryable, row: Insertable<RsaOrientationDecisionTable>) =>
  db.insertInto('rsa_orientation_decision').values(row).execute();

export const decisionsOfFile = (db: Queryable, fileId: string) =>
  db
    .selectFrom('rsa_orientation_decision as d')
    .innerJoin('app_user as u', 'u.id', 'd.decided_by')
    .select([
      'd.person_id',
      'd.kind',
      'd.organisme',
      'd.requested_on',
      'd.decided_on',
      'd.notified_on',
      'd.reorientation',
      'd.ep_reference',
      'u.display_name',
    ])
    .where('d.case_file_id', '=', fileId)
    .orderBy('d.decided_on')
    .orderBy('d.at')
    .execute();

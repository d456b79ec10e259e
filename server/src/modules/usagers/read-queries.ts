import type { myActiveFiles } from '../../access/queries.js';
import type { Queryable } from '../../db/schema.js';
import { referentNameOf } from './queries.js';

/**
 * The file's access-log rows, newest first (read.ts, "Consultations du dossier"), `same_team` when the reader is of
 * one of `teamIds`.
 */
export const consultationsOfFile = (db: Queryable, caseFileId: string, teamIds: readonly string[]) =>
  db
    .selectFrom('access_log as l')
    .innerJoin('app_user as u', 'u.id', 'l.actor_id')
    .leftJoin('site as s', 's.id', 'l.actor_site_id')
    .select(['l.at', 'l.actor_role', 'l.part', 's.name as site_name', 'u.display_name'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('user_team as ut')
            .select('ut.user_id')
            .whereRef('ut.user_id', '=', 'l.actor_id')
            .where('ut.team_id', 'in', teamIds.length ? [...teamIds] : ['00000000-0000-0000-0000-000000000000']),
        )
        .as('same_team'),
    )
    .where('l.case_file_id', '=', caseFileId)
    .orderBy('l.at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(200)
    .execute();

/** The active files within a scope of the access layer ("Ma file active", "Mon équipe"), by name. */
export const activeFilesIn = (db: Queryable, scope: ReturnType<typeof myActiveFiles>) =>
  db
    .selectFrom('case_file')
    .innerJoin('person as p', 'p.id', 'case_file.principal_person_id')
    .leftJoin('team as t', 't.id', 'case_file.team_id')
    .select([
      'case_file.id',
      'case_file.file_number',
      'case_file.status',
      'case_file.last_contact_at',
      'p.birth_name',
      'p.used_name',
      'p.first_names',
      'p.birth_date',
      't.name as team_name',
    ])
    .select(referentNameOf('case_file.id'))
    .where(scope)
    .where('case_file.status', '=', 'actif')
    .orderBy('p.birth_name')
    .orderBy('case_file.id')
    .limit(200)
    .execute();

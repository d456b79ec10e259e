import type { UsagerTarget } from '@jalon/core';
import type { ExpressionBuilder } from 'kysely';
import type { DB, Queryable } from '../db/schema.js';

/**
 * The access layer's own target queries (docs/architecture.md, "Access checked once"): the minimal facts a decision
 * needs, loaded before any heavy row. A référent link counts only while its user works on the file's site today
 * (docs/security.md, "Access: read vs write, relations"): a link left over from before a move grants nothing.
 */
export interface FileTarget extends UsagerTarget {
  id: string;
  /** A limitation (RGPD art. 18) is active: the file is read only. */
  limited: boolean;
}

const currentReferents = (eb: ExpressionBuilder<DB & { cf: DB['case_file'] }, 'cf'>) =>
  eb
    .selectFrom('case_file_referent as r')
    .innerJoin('app_user as ru', 'ru.id', 'r.user_id')
    .whereRef('r.case_file_id', '=', 'cf.id')
    .where('r.end_at', 'is', null)
    .whereRef('ru.site_id', '=', 'cf.site_id')
    .where('ru.active', '=', true);

const targetQuery = (db: Queryable) =>
  db
    .selectFrom('case_file as cf')
    .select(['cf.id', 'cf.site_id', 'cf.team_id', 'cf.created_by'])
    .select((eb) => [
      currentReferents(eb)
        .select((sb) => sb.fn.agg<string[]>('array_agg', ['r.user_id']).as('x'))
        .as('referent_ids'),
      currentReferents(eb)
        .innerJoin('user_team as ut', 'ut.user_id', 'r.user_id')
        .select((sb) => sb.fn.agg<string[]>('array_agg', ['ut.team_id']).as('x'))
        .as('referent_team_ids'),
      eb
        .exists(
          eb
            .selectFrom('file_restriction as fr')
            .select('fr.id')
            .whereRef('fr.case_file_id', '=', 'cf.id')
            .where('fr.kind', '=', 'limitation')
            .where('fr.end_date', 'is', null),
        )
        .as('limited'),
    ])
    // Archived and anonymised files leave the active base (docs/adr/005-retention-anonymisation.md): no route reaches them through this gate.
    .where('cf.retention_state', '=', 'active');

type Row = Awaited<ReturnType<ReturnType<typeof targetQuery>['execute']>>[number];

const toTarget = (row: Row): FileTarget => ({
  id: row.id,
  siteId: row.site_id,
  teamId: row.team_id,
  createdById: row.created_by,
  referentIds: row.referent_ids ?? [],
  referentTeamIds: row.referent_team_ids ?? [],
  limited: Boolean(row.limited),
});

/** The target of one file, or null when it does not exist in the active base. */
export async function findFileTarget(db: Queryable, id: string): Promise<FileTarget | null> {
  const row = await targetQuery(db).where('cf.id', '=', id).executeTakeFirst();
  return row ? toTarget(row) : null;
}

/** The targets of a set of files in one query (lists, exports): missing ids are simply absent from the map. */
export async function findFileTargets(db: Queryable, ids: readonly string[]): Promise<Map<string, FileTarget>> {
  if (!ids.length) return new Map();
  const rows = await targetQuery(db)
    .where('cf.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, toTarget(r)]));
}

import type { Actor } from '@jalon/core';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB, Queryable } from '../db/schema.js';

/**
 * The access layer's SQL (docs/architecture.md, "Access checked once"; SQL lives in queries files): the scope
 * `where`s every list starts from (style rule 2), the files a motivated access opens, and the target facts a
 * decision needs (targets.ts).
 */

type FileEb = ExpressionBuilder<DB, 'case_file'>;

/**
 * The actor's own files: active files of the actor's site where the actor is a current référent or co-référent, or
 * where one of `more.or` holds, and all of `more.and` hold. "Ma file active" (below) and the RSA tasks' "mine"
 * (modules/rsa/tasks) are this predicate with their own extra conditions. A file of a site the actor left is never
 * the actor's (docs/security.md, "Access: read vs write, relations").
 */
export const myFiles =
  (actor: Actor, more: { and?: (eb: FileEb) => Expression<SqlBool>[]; or?: (eb: FileEb) => Expression<SqlBool>[] }) =>
  (eb: FileEb): Expression<SqlBool> => {
    if (actor.siteId === null) return eb.lit(false);
    return eb.and([
      eb('case_file.site_id', '=', actor.siteId),
      ...(more.and?.(eb) ?? []),
      eb('case_file.retention_state', '=', 'active'),
      eb.or([
        eb.exists(
          eb
            .selectFrom('case_file_referent as r')
            .select('r.id')
            .whereRef('r.case_file_id', '=', 'case_file.id')
            .where('r.end_at', 'is', null)
            .where('r.user_id', '=', actor.id),
        ),
        ...(more.or?.(eb) ?? []),
      ]),
    ]);
  };

/**
 * "Ma file active": files of the actor's site today with a contact in the last 12 months where the actor is référent
 * or co-référent, or took part in a journal entry during those months. For the worker only.
 */
export const myActiveFiles = (actor: Actor, now: Date) => {
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  return myFiles(actor, {
    and: (eb) => [eb('case_file.last_contact_at', '>=', yearAgo)],
    or: (eb) => [
      eb.exists(
        eb
          .selectFrom('journal_entry as e')
          .innerJoin('journal_entry_worker as jw', 'jw.entry_id', 'e.id')
          .select('e.id')
          .whereRef('e.case_file_id', '=', 'case_file.id')
          .where('jw.user_id', '=', actor.id)
          .where('e.deleted_at', 'is', null)
          .where('e.occurred_at', '>=', yearAgo),
      ),
    ],
  });
};

/** Files of the actor's site followed by one of the actor's teams ("Mon équipe"), for social workers only. */
export const filesOfMyTeams = (actor: Actor, _now?: Date) => (eb: ExpressionBuilder<DB, 'case_file'>) => {
  if (actor.role !== 'travailleur_social' || actor.siteId === null || actor.teamIds.length === 0) return eb.lit(false);
  return eb.and([
    eb('case_file.site_id', '=', actor.siteId),
    eb('case_file.team_id', 'in', [...actor.teamIds]),
    eb('case_file.retention_state', '=', 'active'),
  ]);
};

/**
 * The files a user may read under an unexpired motivated access (break-glass), as a sub-select of the session
 * query: the grant is resolved once per request with the request's clock and carried by the actor
 * (`Actor.motivatedFileIds`), so the one access layer (`load-authorized.ts` + `core/src/policy`) honours it everywhere.
 */
export const motivatedFileIdsOf = (eb: ExpressionBuilder<DB & { u: DB['app_user'] }, 'u'>, now: Date) =>
  eb
    .selectFrom('break_glass_access as bg')
    .whereRef('bg.user_id', '=', 'u.id')
    .where('bg.granted_at', '<=', now)
    .where('bg.expires_at', '>', now)
    .select((sb) => sb.fn.agg<string[]>('array_agg', ['bg.case_file_id']).as('ids'));

const currentReferents = (eb: ExpressionBuilder<DB & { cf: DB['case_file'] }, 'cf'>) =>
  eb
    .selectFrom('case_file_referent as r')
    .innerJoin('app_user as ru', 'ru.id', 'r.user_id')
    .whereRef('r.case_file_id', '=', 'cf.id')
    .where('r.end_at', 'is', null)
    .whereRef('ru.site_id', '=', 'cf.site_id')
    .where('ru.active', '=', true);

/**
 * The facts of the files' targets (targets.ts). A référent link counts only while its user works on the file's site
 * today (docs/security.md, "Access: read vs write, relations"): a link left over from before a move grants nothing.
 */
export const findTargetRows = (db: Queryable, ids: readonly string[]) =>
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
    .where('cf.retention_state', '=', 'active')
    .where('cf.id', 'in', ids)
    .execute();

export type TargetRow = Awaited<ReturnType<typeof findTargetRows>>[number];

import type { Actor } from '@jalon/core';
import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * Scope functions (style rule 2): every list starts from these `where`s, never from rows filtered in JS.
 */

/** Files naming the actor as référent or co-référent ("Ma file active"). */
export const filesWhereReferent = (actor: Actor) => (eb: ExpressionBuilder<DB, 'case_file'>) =>
  eb.exists(
    eb
      .selectFrom('case_file_referent as r')
      .select('r.id')
      .whereRef('r.case_file_id', '=', 'case_file.id')
      .where('r.end_at', 'is', null)
      .where('r.user_id', '=', actor.id),
  );

/** Files of the actor's site followed by one of the actor's teams ("Mon équipe"), for social workers only. */
export const filesOfMyTeams = (actor: Actor) => (eb: ExpressionBuilder<DB, 'case_file'>) => {
  if (actor.role !== 'travailleur_social' || actor.siteId === null || actor.teamIds.length === 0) return eb.lit(false);
  return eb.and([eb('case_file.site_id', '=', actor.siteId), eb('case_file.team_id', 'in', [...actor.teamIds])]);
};

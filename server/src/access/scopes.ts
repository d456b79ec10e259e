import type { Actor } from '@jalon/core';
import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * Scope functions (style rule 2): every list starts from these `where`s, never from rows filtered in JS.
 */

/**
 * "Ma file active": files of the actor's site today with a contact in the last 12 months where the actor is référent
 * or co-référent, or took part in a journal entry during those months. For the worker only. A file of a site the
 * actor left never stays in the list (docs/security.md, "Access: read vs write, relations").
 */
export const myActiveFiles = (actor: Actor, now: Date) => (eb: ExpressionBuilder<DB, 'case_file'>) => {
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  if (actor.siteId === null) return eb.lit(false);
  return eb.and([
    eb('case_file.site_id', '=', actor.siteId),
    eb('case_file.last_contact_at', '>=', yearAgo),
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
    ]),
  ]);
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

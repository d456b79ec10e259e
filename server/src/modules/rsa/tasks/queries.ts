import type { Actor } from '@jalon/core';
import { sql, type ExpressionBuilder } from 'kysely';
import { filesOfMyTeams, myFiles } from '../../../access/queries.js';
import type { DB, Queryable } from '../../../db/schema.js';

export type TaskScope = 'mine' | 'team';

/**
 * The persons a task list covers: "mine" = the actor's own files (access/queries.ts, `myFiles`: référent or
 * co-référent on my site), or those where I am the person's référent unique RSA; "team" = the files of my teams.
 */
const inScope = (actor: Actor, scope: TaskScope) => (eb: ExpressionBuilder<DB, 'case_file' | 'rsa_person'>) => {
  const files = eb as unknown as ExpressionBuilder<DB, 'case_file'>;
  if (scope === 'team') return filesOfMyTeams(actor)(files);
  return myFiles(actor, {
    or: () => [
      eb.exists(
        eb
          .selectFrom('rsa_referent as u')
          .select('u.id')
          .whereRef('u.person_id', '=', 'rsa_person.person_id')
          .where('u.kind', '=', 'referent_unique')
          .where('u.end_on', 'is', null)
          .where('u.user_id', '=', actor.id),
      ),
    ],
  })(files);
};

const base = (db: Queryable, actor: Actor, scope: TaskScope) =>
  db
    .selectFrom('rsa_person')
    .innerJoin('case_file', 'case_file.id', 'rsa_person.case_file_id')
    .innerJoin('person as p', 'p.id', 'rsa_person.person_id')
    .leftJoin('rsa_orientation as o', 'o.person_id', 'rsa_person.person_id')
    .where(inScope(actor, scope))
    .where('case_file.merged_into', 'is', null)
    .select([
      'case_file.id as file_id',
      'case_file.file_number',
      'rsa_person.person_id',
      'p.first_names',
      'p.birth_name',
      'p.used_name',
    ]);

/** Soumis aux droits et devoirs, not oriented yet, past the target delay (days) on `today`. */
export const lateOrientations = (db: Queryable, actor: Actor, scope: TaskScope, today: string, targetDays: number) =>
  base(db, actor, scope)
    .select(sql<string>`(rsa_person.dd_since + ${targetDays}::int)::text`.as('due_on'))
    .where('rsa_person.toppersdrodevorsa', '=', true)
    .where('rsa_person.dd_since', 'is not', null)
    .where((eb) => eb.or([eb('o.state', 'is', null), eb('o.state', '!=', 'orientee')]))
    .where(sql<boolean>`rsa_person.dd_since + ${targetDays}::int < ${today}::date`)
    .orderBy('rsa_person.dd_since')
    .limit(200)
    .execute();

/** Oriented and notified, with no contract signed since the decision: the signature is due `months` after notice. */
export const contractsToSign = (db: Queryable, actor: Actor, scope: TaskScope, months: number) =>
  base(db, actor, scope)
    .select(sql<string>`(o.notified_on + make_interval(months => ${months}::int))::date::text`.as('due_on'))
    .where('o.state', '=', 'orientee')
    .where('o.notified_on', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('rsa_contract as c')
            .select('c.id')
            .whereRef('c.person_id', '=', 'rsa_person.person_id')
            .where('c.signed_on', 'is not', null)
            .whereRef('c.signed_on', '>=', 'o.decided_on'),
        ),
      ),
    )
    .orderBy('o.notified_on')
    .limit(200)
    .execute();

/** Signed contracts ending within `windowDays` of `today`, not renewed yet. */
export const contractsToRenew = (db: Queryable, actor: Actor, scope: TaskScope, today: string, windowDays: number) =>
  base(db, actor, scope)
    .innerJoin('rsa_contract as c', 'c.person_id', 'rsa_person.person_id')
    .select(sql<string>`c.end_on::text`.as('due_on'))
    .where('c.signed_on', 'is not', null)
    .where(sql<boolean>`c.end_on between ${today}::date and ${today}::date + ${windowDays}::int`)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('rsa_contract as n').select('n.id').whereRef('n.renewal_of', '=', 'c.id'))),
    )
    .orderBy('c.end_on')
    .limit(200)
    .execute();

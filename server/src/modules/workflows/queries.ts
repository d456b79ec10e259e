import type { TransitionRecord } from '@jalon/core';
import type { Queryable } from '../../db/schema.js';

export interface NewTransition {
  workflow: string;
  subjectId: string;
  caseFileId: string | null;
  from: string | null;
  to: string;
  actorId: string;
  at: Date;
  reason: string | null;
  instructs?: boolean;
}

/** Records one transition; call it in the transaction that changes the subject's state. */
export const recordTransition = (db: Queryable, t: NewTransition) =>
  db
    .insertInto('workflow_transition')
    .values({
      workflow: t.workflow,
      subject_id: t.subjectId,
      case_file_id: t.caseFileId,
      from_state: t.from,
      to_state: t.to,
      actor_id: t.actorId,
      at: t.at,
      reason: t.reason,
      instructs: t.instructs ?? false,
    })
    .execute();

export interface HistoryRow extends TransitionRecord {
  subjectId: string;
  actorName: string;
}

/** The history of some subjects of a workflow, oldest first, with the actor's name for the page. */
export async function historyOf(db: Queryable, workflow: string, subjectIds: readonly string[]): Promise<HistoryRow[]> {
  if (subjectIds.length === 0) return [];
  const rows = await db
    .selectFrom('workflow_transition as w')
    .innerJoin('app_user as u', 'u.id', 'w.actor_id')
    .select([
      'w.subject_id',
      'w.from_state',
      'w.to_state',
      'w.actor_id',
      'w.at',
      'w.reason',
      'w.instructs',
      'u.display_name',
    ])
    .where('w.workflow', '=', workflow)
    .where('w.subject_id', 'in', subjectIds)
    .orderBy('w.at')
    .orderBy('w.seq')
    .execute();
  return rows.map((r) => ({
    subjectId: r.subject_id,
    from: r.from_state,
    to: r.to_state,
    actorId: r.actor_id,
    actorName: r.display_name,
    at: new Date(r.at),
    reason: r.reason,
    instructs: r.instructs,
  }));
}

/** Retention: the free-text reasons of a file's transitions go, the dated states stay (statistics count them). */
export const anonymiseTransitions = (db: Queryable, caseFileId: string) =>
  db.updateTable('workflow_transition').set({ reason: null }).where('case_file_id', '=', caseFileId).execute();

export const purgeTransitions = (db: Queryable, caseFileId: string) =>
  db.deleteFrom('workflow_transition').where('case_file_id', '=', caseFileId).execute();

/** A merge of files (modules/file-merge): the history of these subjects follows them to the file `to`. */
export const moveSubjectsHistory = async (
  db: Queryable,
  workflow: string,
  subjectIds: readonly string[],
  to: string,
) => {
  if (subjectIds.length === 0) return;
  await db
    .updateTable('workflow_transition')
    .set({ case_file_id: to })
    .where('workflow', '=', workflow)
    .where('subject_id', 'in', [...subjectIds])
    .execute();
};

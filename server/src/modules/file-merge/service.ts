import { canMergeFiles, canSeeFileMerges, mergeRefusal, mergeUndoDeadline, mergeUndoState } from '@jalon/core';
import { loadAuthorizedUsager } from '../../access/load-authorized.js';
import { findFileTarget } from '../../access/targets.js';
import { audit, logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import type { Trx } from '../../db/schema.js';
import { conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { refreshSearch } from '../usagers/index.js';
import { moduleCounts, moduleLeft, moveModuleRows, moveModuleRowsBack } from './modules.js';
import {
  bumpVersion,
  insertMerge,
  lockMerge,
  lockMergeFiles,
  markUndone,
  mergedIntoOf,
  mergesOfFile,
  moveBack,
  moveDocuments,
  moveJournalEntries,
  moveMembers,
  moveReferents,
  moveSections,
  removeFromSearch,
  setMerged,
  type MergeFileRow,
  type MovedRows,
} from './queries.js';

/** Fusion de dossiers (docs/api.md): the absorbed file's rows move to the kept file, in one transaction. */

export interface MergeInput {
  duplicateId: string;
  reason: string;
}

const candidate = (f: MergeFileRow) => ({
  id: f.id,
  status: f.status,
  retentionState: f.retention_state,
  mergedInto: f.merged_into,
});

/** Both files visible (else 404), the caller référent of both (else 403), both active and distinct (else 422). */
async function authorizeMerge(trx: Trx, ctx: Ctx, keptId: string, absorbedId: string) {
  const kept = await loadAuthorizedUsager(trx, ctx.actor, keptId, undefined, { write: true });
  if (absorbedId === keptId) throw unprocessable('same_file', 'Un dossier ne peut pas être fusionné avec lui-même');
  const absorbed = await loadAuthorizedUsager(trx, ctx.actor, absorbedId, undefined, { write: true });
  const rows = await lockMergeFiles(trx, [keptId, absorbedId]);
  const k = rows.find((r) => r.id === keptId);
  const a = rows.find((r) => r.id === absorbedId);
  if (!k || !a) throw notFound('Dossier');
  // A file already merged has lost its référents: say so (422) before the référent rule would answer 403.
  const refusal = mergeRefusal(candidate(k), candidate(a));
  if (refusal && (k.merged_into || a.merged_into)) throw unprocessable('merge_refused', refusal);
  if (!canMergeFiles(ctx.actor, kept, absorbed))
    throw forbidden('Seul·e un·e référent·e des deux dossiers, sur leur site, peut les fusionner');
  if (refusal) throw unprocessable('merge_refused', refusal);
  return { k, a };
}

export async function mergeFiles(ctx: Ctx, keptId: string, input: MergeInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const { k, a } = await authorizeMerge(trx, ctx, keptId, input.duplicateId);
    const today = ctx.now.toISOString().slice(0, 10);
    const sections = await moveSections(trx, a.id, k.id);
    const moved: MovedRows = {
      journalEntries: await moveJournalEntries(trx, a.id, k.id),
      documents: await moveDocuments(trx, a.id, k.id),
      ...sections,
      ...(await moveReferents(trx, a.id, k.id, ctx.now)),
      members: await moveMembers(trx, a, k, today),
      modules: await moveModuleRows(trx, a.id, k.id, ctx.now),
    };
    await setMerged(trx, a.id, k.id, ctx.now);
    await bumpVersion(trx, k.id, ctx.now);
    await removeFromSearch(trx, a.id);
    await refreshSearch(trx, k.id);
    const merge = await insertMerge(trx, {
      kept_id: k.id,
      absorbed_id: a.id,
      moved,
      reason: input.reason,
      merged_by: ctx.actor.id,
      merged_at: ctx.now,
    });
    const counts = countsOf(moved);
    for (const [fileId, role] of [
      [k.id, 'kept'],
      [a.id, 'absorbed'],
    ] as const)
      await audit(trx, ctx, 'file.merge', {
        caseFileId: fileId,
        targetType: 'file_merge',
        targetId: merge.id,
        diff: { role, ...counts },
      });
    const left = moduleLeft(moved.modules ?? {});
    return {
      id: merge.id,
      keptId: k.id,
      absorbedId: a.id,
      moved: counts,
      sectionsLeftOnAbsorbed: moved.sectionsKept,
      leftOnAbsorbed: left,
      message: [
        'Fusion faite.',
        ...(moved.sectionsKept.length
          ? [
              `Sections laissées sur le dossier absorbé (le dossier conservé en a déjà une) : ${moved.sectionsKept.join(', ')}`,
            ]
          : []),
        ...(left.length ? [`Laissé sur le dossier absorbé : ${left.join(', ')}`] : []),
      ].join(' '),
      undoUntil: mergeUndoDeadline(ctx.now).toISOString(),
    };
  });
}

const countsOf = (m: MovedRows) => ({
  journalEntries: m.journalEntries.length,
  documents: m.documents.length,
  sections: m.sections.length,
  referents: m.referentsAdded.length,
  members: m.members.length,
  // The modules' counts (`aidApplications`, `budget`, `commissionItems`…), under one key the audit may print.
  modules: moduleCounts(m.modules),
});

/** Within 30 days (core mergeUndoState), by a référent of the kept file: every recorded row goes back. */
export async function undoMerge(ctx: Ctx, mergeId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const m = await lockMerge(trx, mergeId);
    if (!m) throw notFound('Fusion');
    await loadAuthorizedUsager(trx, ctx.actor, m.kept_id, canSeeFileMerges, { write: true });
    const state = mergeUndoState(
      { mergedAt: new Date(m.merged_at), undoneAt: m.undone_at ? new Date(m.undone_at) : null },
      ctx.now,
    );
    if (state === 'undone') throw conflict('merge_undone', 'Cette fusion a déjà été annulée');
    if (state === 'expired')
      throw conflict('merge_undo_expired', 'Une fusion ne peut plus être annulée après 30 jours');
    const moved = m.moved as MovedRows;
    await moveModuleRowsBack(trx, moved.modules, m.absorbed_id, m.kept_id, ctx.now);
    await moveBack(trx, { kept_id: m.kept_id, absorbed_id: m.absorbed_id, moved }, ctx.now);
    await setMerged(trx, m.absorbed_id, null, ctx.now);
    await bumpVersion(trx, m.kept_id, ctx.now);
    await refreshSearch(trx, m.kept_id);
    await refreshSearch(trx, m.absorbed_id);
    await markUndone(trx, m.id, ctx.actor.id, ctx.now);
    for (const fileId of [m.kept_id, m.absorbed_id])
      await audit(trx, ctx, 'file.merge_undo', {
        caseFileId: fileId,
        targetType: 'file_merge',
        targetId: m.id,
        diff: countsOf(moved),
      });
    return { id: m.id, keptId: m.kept_id, absorbedId: m.absorbed_id, undoneAt: ctx.now.toISOString() };
  });
}

/** An absorbed file has no référent left: its merges are shown to the référents of the file it went into. */
async function followsKeptFile(ctx: Ctx, fileId: string): Promise<boolean> {
  const into = await mergedIntoOf(ctx.db, fileId);
  const kept = into ? await findFileTarget(ctx.db, into) : null;
  return kept !== null && canSeeFileMerges(ctx.actor, kept);
}

/** The merges involving a file, for its référents (a read of the file: access-logged). */
export async function listMerges(ctx: Ctx, fileId: string) {
  const target = await loadAuthorizedUsager(ctx.db, ctx.actor, fileId);
  if (!canSeeFileMerges(ctx.actor, target) && !(await followsKeptFile(ctx, fileId)))
    throw forbidden('Seuls les référents du dossier voient ses fusions');
  const rows = await mergesOfFile(ctx.db, fileId);
  await logAccess(ctx.db, ctx, fileId, 'general');
  return {
    data: rows.map((r) => {
      const mergedAt = new Date(r.merged_at);
      return {
        id: r.id,
        kept: { id: r.kept_id, fileNumber: r.kept_number },
        absorbed: { id: r.absorbed_id, fileNumber: r.absorbed_number },
        reason: r.reason,
        mergedAt: mergedAt.toISOString(),
        mergedBy: r.merged_by_name,
        undoneAt: r.undone_at ? new Date(r.undone_at).toISOString() : null,
        undoUntil: mergeUndoDeadline(mergedAt).toISOString(),
        canUndo: mergeUndoState({ mergedAt, undoneAt: r.undone_at ? new Date(r.undone_at) : null }, ctx.now) === 'open',
      };
    }),
  };
}

import {
  canCreateEntry,
  canEditEntry,
  canReadEntryHeader,
  canReadGeneralUsager,
  canWriteNote,
  lintNote,
  summariseFlags,
  FREE_EDIT_MS,
  DEFAULT_PLACE,
  entryTypeHasField,
  missingForEntryType,
  type CreateEntryInput,
  type UpdateEntryInput,
} from '@jalon/core';
import { randomUUID } from 'node:crypto';
import { assertWritable, loadAuthorizedUsager } from '../../access/load-authorized.js';
import { audit } from '../../audit/audit.js';
import type { FileTarget } from '../../access/targets.js';
import type { Ctx } from '../../context.js';
import { openText, sealText } from '../../crypto/index.js';
import type { Queryable } from '../../db/schema.js';
import { conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { checkClashes } from './clashes.js';
import { DEFAULT_APPOINTMENT_MINUTES } from './clash-queries.js';
import { entryNoteAad, fileOfEntry, findEntry, touchLastContact, versionNoteAad, type EntryRow } from './queries.js';
import {
  activeMotifs,
  activePartner,
  activeSiteUsers,
  addEntryPersons,
  addEntryWorkers,
  insertEntry,
  insertEntryVersion,
  membersOfFileAmong,
  updateEntryRow,
} from './write-queries.js';

/** A flagged note is saved only once its author confirmed the wording; only the count reaches the audit. */
function checkNote(ctx: Ctx, note: string | null | undefined, confirmed: boolean): number {
  if (!note) return 0;
  if (!canWriteNote(ctx.actor))
    throw unprocessable(
      'note_not_allowed',
      'Votre profil n’enregistre pas de note : seuls l’en-tête et le motif sont saisis.',
      { note: 'Note non autorisée' },
    );
  const flags = lintNote(note);
  if (flags.length && !confirmed) {
    throw unprocessable(
      'note_flagged',
      `La note contient ${flags.length} formulation${flags.length > 1 ? 's' : ''} à revoir (l’usager peut demander à lire ce texte) : reformulez ou confirmez.`,
      {
        note: flags.map((f) => f.message).join(' ; '),
      },
    );
  }
  return flags.length;
}

async function checkMotifs(trx: Queryable, motifs: readonly string[]) {
  if (!motifs.length) return;
  const found = await activeMotifs(trx, motifs);
  if (found.length !== new Set(motifs).size)
    throw unprocessable('invalid_motif', 'Motif inconnu ou désactivé', { motifs: 'Motif inconnu' });
}

async function checkSiteUsers(
  trx: Queryable,
  siteId: string,
  ids: readonly string[],
  field: string,
  role?: 'travailleur_social',
) {
  if (!ids.length) return;
  const found = await activeSiteUsers(trx, siteId, ids, role);
  if (found.length !== new Set(ids).size)
    throw unprocessable('invalid_worker', 'Professionnel inconnu sur ce site', {
      [field]: 'Professionnel inconnu sur ce site',
    });
}

export async function createEntry(ctx: Ctx, fileId: string, input: CreateEntryInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const file = await loadAuthorizedUsager(trx, ctx.actor, fileId, canReadGeneralUsager);
    if (!canCreateEntry(ctx.actor, file, input.type))
      throw forbidden('Votre profil ne permet pas d’enregistrer ce type d’entrée sur ce dossier');
    assertWritable(file);
    const flagCount = checkNote(ctx, input.note, input.confirmFlags);
    await checkMotifs(trx, input.motifs);
    await checkSiteUsers(trx, file.siteId, input.workerIds, 'workerIds');
    if (input.personIds.length) {
      const members = await membersOfFileAmong(trx, fileId, input.personIds);
      if (new Set(members.map((m) => m.person_id)).size !== new Set(input.personIds).size) {
        throw unprocessable('invalid_person', 'Personne hors du foyer de ce dossier', {
          personIds: 'Personne hors du foyer',
        });
      }
    }
    let appointmentWorker: string | null = null;
    const warnings: { code: string; message: string }[] = [];
    const occurredAt = new Date(input.occurredAt);
    if (input.type === 'rendez_vous')
      appointmentWorker = input.appointmentWorkerId ?? (ctx.actor.role === 'travailleur_social' ? ctx.actor.id : null);
    // What the type requires (core ENTRY_TYPE_RULES, shared with the web form).
    const missing = missingForEntryType(input.type, { ...input, appointmentWorkerId: appointmentWorker });
    if (missing) throw unprocessable(missing.code, missing.message, { [missing.field]: missing.fieldMessage });
    if (appointmentWorker) {
      await checkSiteUsers(trx, file.siteId, [appointmentWorker], 'appointmentWorkerId', 'travailleur_social');
      warnings.push(
        ...(await checkClashes(trx, ctx, {
          caseFileId: fileId,
          workerId: appointmentWorker,
          start: occurredAt,
          durationMinutes: input.durationMinutes,
          confirmed: input.confirmClash,
        })),
      );
    }
    if (input.partnerId && entryTypeHasField(input.type, 'partnerId')) {
      if (!(await activePartner(trx, input.partnerId)))
        throw unprocessable('invalid_partner', 'Partenaire inconnu', { partnerId: 'Partenaire inconnu' });
    }
    const id = randomUUID();
    const entry = await insertEntry(trx, {
      id,
      case_file_id: fileId,
      type: input.type,
      occurred_at: occurredAt,
      duration_minutes: input.durationMinutes ?? null,
      place: input.place ?? DEFAULT_PLACE[input.type] ?? null,
      motifs: input.motifs,
      note: sealText(input.note ?? null, entryNoteAad(id)),
      visibility: input.visibility,
      author_id: ctx.actor.id,
      appointment_worker_id: appointmentWorker,
      appointment_status: input.type === 'rendez_vous' ? 'prevu' : null,
      partner_id: entryTypeHasField(input.type, 'partnerId') ? (input.partnerId ?? null) : null,
      orientation_reason: entryTypeHasField(input.type, 'orientationReason') ? (input.orientationReason ?? null) : null,
      lint_flag_count: flagCount,
      created_at: ctx.now,
      updated_at: ctx.now,
    });
    await addEntryWorkers(trx, entry.id, [...new Set([ctx.actor.id, ...input.workerIds])]);
    await addEntryPersons(trx, entry.id, [...new Set(input.personIds)]);
    if (input.type !== 'rendez_vous' && occurredAt <= ctx.now) await touchLastContact(trx, fileId, occurredAt);
    await audit(trx, ctx, 'journal_entry.create', {
      caseFileId: fileId,
      targetType: 'journal_entry',
      targetId: entry.id,
      diff: {
        type: input.type,
        visibility: input.visibility,
        has_note: Boolean(input.note),
        lint_flags: flagCount,
        lint_categories: input.note ? summariseFlags(lintNote(input.note)) : {},
      },
    });
    return { id: entry.id, warnings };
  });
}

export async function loadOwnEntry(trx: Queryable, ctx: Ctx, fileId: string, entryId: string) {
  const file = await loadAuthorizedUsager(trx, ctx.actor, fileId, canReadGeneralUsager);
  const row = await findEntry(trx, fileId, entryId).executeTakeFirst();
  if (!row) throw notFound('Entrée');
  return { file, row };
}

export const targetOf = (row: {
  author_id: string;
  type: CreateEntryInput['type'];
  visibility: 'privee' | 'referents' | 'equipe';
  worker_ids: string[] | null;
}) => ({
  authorId: row.author_id,
  type: row.type,
  visibility: row.visibility,
  workerIds: row.worker_ids ?? [],
});

/** The author edits; after 24 h the previous state is kept as a version (who, when). */
export async function updateEntry(ctx: Ctx, fileId: string, entryId: string, input: UpdateEntryInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const { file, row } = await loadOwnEntry(trx, ctx, fileId, entryId);
    assertVisible(ctx, file, row);
    if (!canEditEntry(ctx.actor, file, targetOf(row)))
      throw forbidden('Seul·e l’auteur·rice modifie une entrée du journal');
    assertWritable(file);
    if (input.version !== row.version)
      throw conflict(
        'version_conflict',
        'Cette entrée a été modifiée entre-temps : rechargez-la, votre saisie est conservée.',
      );
    const flagCount = input.note !== undefined ? checkNote(ctx, input.note, input.confirmFlags) : undefined;
    if (input.motifs) await checkMotifs(trx, input.motifs);
    const warnings = await recheckMovedAppointment(trx, ctx, file.siteId, row, input);
    const versioned = ctx.now.getTime() - new Date(row.created_at).getTime() > FREE_EDIT_MS;
    if (versioned) {
      await insertEntryVersion(trx, {
        entry_id: entryId,
        version: row.version,
        changed_at: ctx.now,
        changed_by: ctx.actor.id,
        occurred_at: row.occurred_at,
        duration_minutes: row.duration_minutes,
        place: row.place,
        motifs: row.motifs,
        note: sealText(openText(row.note, entryNoteAad(entryId)), versionNoteAad(entryId, row.version)),
        visibility: row.visibility,
      });
    }
    const set = {
      ...(input.occurredAt ? { occurred_at: new Date(input.occurredAt) } : {}),
      ...(input.durationMinutes !== undefined ? { duration_minutes: input.durationMinutes } : {}),
      ...(input.place !== undefined ? { place: input.place } : {}),
      ...(input.motifs ? { motifs: input.motifs } : {}),
      ...(input.note !== undefined
        ? { note: sealText(input.note, entryNoteAad(entryId)), lint_flag_count: flagCount ?? 0 }
        : {}),
      ...(input.visibility ? { visibility: input.visibility } : {}),
      ...(input.appointmentWorkerId && row.type === 'rendez_vous'
        ? { appointment_worker_id: input.appointmentWorkerId }
        : {}),
      ...(input.orientationOutcome !== undefined && row.type === 'orientation'
        ? { orientation_outcome: input.orientationOutcome }
        : {}),
    };
    await updateEntryRow(trx, entryId, { ...set, version: row.version + 1, updated_at: ctx.now });
    await audit(trx, ctx, 'journal_entry.update', {
      caseFileId: fileId,
      targetType: 'journal_entry',
      targetId: entryId,
      diff: { fields: Object.keys(set), versioned, ...(flagCount !== undefined ? { lint_flags: flagCount } : {}) },
    });
    return { warnings };
  });
}

/**
 * Moving an appointment (its date, time, length or worker) checks the new slot like a booking (docs/api.md, "Journal",
 * clashes): the appointment itself is left out; a cancelled one frees its slot and is not checked.
 */
async function recheckMovedAppointment(
  trx: Queryable,
  ctx: Ctx,
  siteId: string,
  row: EntryRow,
  input: UpdateEntryInput,
): Promise<{ code: string; message: string }[]> {
  if (row.type !== 'rendez_vous' || row.appointment_status === 'annule') return [];
  if (input.appointmentWorkerId)
    await checkSiteUsers(trx, siteId, [input.appointmentWorkerId], 'appointmentWorkerId', 'travailleur_social');
  const workerId = input.appointmentWorkerId ?? row.appointment_worker_id;
  const start = new Date(input.occurredAt ?? row.occurred_at);
  const minutes = input.durationMinutes !== undefined ? input.durationMinutes : row.duration_minutes;
  const endOf = (at: Date, m: number | null) => at.getTime() + (m ?? DEFAULT_APPOINTMENT_MINUTES) * 60_000;
  const oldStart = new Date(row.occurred_at);
  // Kept within its old slot with the same worker (shortened, say), it takes no time it did not hold already.
  const within =
    workerId === row.appointment_worker_id &&
    start >= oldStart &&
    endOf(start, minutes) <= endOf(oldStart, row.duration_minutes);
  if (within || !workerId) return [];
  return checkClashes(trx, ctx, {
    caseFileId: row.case_file_id,
    workerId,
    start,
    durationMinutes: minutes,
    confirmed: input.confirmClash,
    exceptId: row.id,
  });
}

export function assertVisible(ctx: Ctx, file: FileTarget, row: Parameters<typeof targetOf>[0]) {
  // An entry whose header the caller may not see does not exist for them.
  if (!canReadEntryHeader(ctx.actor, file, targetOf(row))) throw notFound('Entrée');
}

/** Soft delete with a reason: the entry leaves the timeline, the audit keeps the act. */
export async function deleteEntry(ctx: Ctx, fileId: string, entryId: string, reason: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const { file, row } = await loadOwnEntry(trx, ctx, fileId, entryId);
    assertVisible(ctx, file, row);
    if (!canEditEntry(ctx.actor, file, targetOf(row)))
      throw forbidden('Seul·e l’auteur·rice supprime une entrée du journal');
    assertWritable(file);
    await updateEntryRow(trx, entryId, { deleted_at: ctx.now, deleted_by: ctx.actor.id, deleted_reason: reason });
    await audit(trx, ctx, 'journal_entry.delete', {
      caseFileId: fileId,
      targetType: 'journal_entry',
      targetId: entryId,
      diff: { type: row.type, deleted_reason: '[masqué]' },
    });
  });
}

/**
 * An entry addressed by its id alone (a convocation, docs/api.md, "Courriers"): the caller must read the file's general
 * part and the entry's header; missing and not visible are both 404.
 */
export async function loadReadableEntry(db: Queryable, ctx: Ctx, entryId: string) {
  const ref = await fileOfEntry(db, entryId);
  if (!ref) throw notFound('Entrée');
  const { file, row } = await loadOwnEntry(db, ctx, ref.case_file_id, entryId);
  assertVisible(ctx, file, row);
  return { file, row };
}

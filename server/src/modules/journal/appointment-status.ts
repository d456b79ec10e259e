import { APPOINTMENT_WORKFLOW, canSetAppointmentStatus, checkTransition, type AppointmentStatus } from '@jalon/core';
import { audit } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { forbidden, unprocessable } from '../../errors.js';
import { recordTransition } from '../workflows/index.js';
import { touchLastContact } from './queries.js';
import { assertVisible, loadOwnEntry, targetOf } from './service.js';
import { updateEntryRow } from './write-queries.js';

/**
 * Appointment status as a workflow (docs/architecture.md, "Workflows"): the transition table of core decides with the
 * request's time against the appointment's start (an appointment ahead can only be cancelled, so an "honoré" never
 * moves the file's last contact into the future); each change is kept in `workflow_transition` with its reason.
 */
export async function setAppointmentStatus(
  ctx: Ctx,
  fileId: string,
  entryId: string,
  input: { status: AppointmentStatus; reason?: string | undefined },
) {
  await ctx.db.transaction().execute(async (trx) => {
    const { file, row } = await loadOwnEntry(trx, ctx, fileId, entryId);
    assertVisible(ctx, file, row);
    if (!canSetAppointmentStatus(ctx.actor, file, targetOf(row))) {
      throw row.type === 'rendez_vous'
        ? forbidden('Vous ne pouvez pas changer le statut de ce rendez-vous')
        : unprocessable('not_appointment', 'Cette entrée n’est pas un rendez-vous');
    }
    const from = (row.appointment_status ?? 'prevu') as AppointmentStatus;
    const start = new Date(row.occurred_at);
    const decision = checkTransition(APPOINTMENT_WORKFLOW, from, input.status, ctx.actor, { now: ctx.now, start });
    if (!decision.ok) throw unprocessable(decision.code, decision.message, { status: decision.message });
    await updateEntryRow(trx, entryId, {
      appointment_status: input.status,
      updated_at: ctx.now,
      version: row.version + 1,
    });
    await recordTransition(trx, {
      workflow: APPOINTMENT_WORKFLOW.name,
      subjectId: entryId,
      caseFileId: fileId,
      from,
      to: input.status,
      actorId: ctx.actor.id,
      at: ctx.now,
      reason: input.reason ?? null,
    });
    if (input.status === 'honore') await touchLastContact(trx, fileId, start);
    await audit(trx, ctx, 'appointment.status', {
      caseFileId: fileId,
      targetType: 'journal_entry',
      targetId: entryId,
      diff: { status: { from: row.appointment_status, to: input.status } },
    });
  });
}

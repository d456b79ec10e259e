import {
  ORIENTATION_STATES,
  ORIENTATION_WORKFLOW,
  allowedTargets,
  checkTransition,
  orientationDelay,
  rsaLabel,
  signatureDueOn,
  type OrientationDto,
  type OrientationInput,
  type OrientationKind,
  type OrientationState,
  type Organisme,
  type ParamValues,
} from '@jalon/core';
import type { Selectable } from 'kysely';
import { audit } from '../../../audit/audit.js';
import type { Ctx } from '../../../context.js';
import type { Queryable, RsaPersonTable } from '../../../db/schema.js';
import { unprocessable } from '../../../errors.js';
import { loadParams } from '../../params/index.js';
import { historyOf, recordTransition } from '../../workflows/index.js';
import { loadRsaFile, personOfFile } from '../access.js';
import { findRsaPerson } from '../queries.js';
import {
  decisionsOfFile,
  findOrientation,
  insertDecision,
  orientationRowsOfFile,
  upsertOrientation,
} from './queries.js';

const WF = ORIENTATION_WORKFLOW;
const day = (v: unknown) => (v === null || v === undefined ? null : String(v).slice(0, 10));
const today = (ctx: Ctx) => ctx.now.toISOString().slice(0, 10);
const kindL = (k: string) => ({ code: k as OrientationKind, label: rsaLabel('orientationKind', k) ?? '' });
const orgL = (o: string) => ({ code: o as Organisme, label: rsaLabel('organisme', o) ?? '' });

/** Every person's orientation on the file's RSA tab, with its delay against the target in force. */
export async function orientationsOfFile(
  ctx: Ctx,
  fileId: string,
  persons: readonly { id: string }[],
  blockOf: Map<string, Selectable<RsaPersonTable>>,
  params: ParamValues,
): Promise<Map<string, OrientationDto>> {
  const ids = persons.map((p) => p.id);
  const [rows, decisions, history] = await Promise.all([
    orientationRowsOfFile(ctx.db, fileId),
    decisionsOfFile(ctx.db, fileId),
    historyOf(ctx.db, WF.name, ids),
  ]);
  const out = new Map<string, OrientationDto>();
  for (const id of ids) {
    const row = rows.find((r) => r.person_id === id);
    const block = blockOf.get(id);
    const state = (row?.state ?? 'non_orientee') as OrientationState;
    const mine = history.filter((h) => h.subjectId === id);
    const soumis = block?.toppersdrodevorsa ?? false;
    const decidedOn = day(row?.decided_on);
    const notifiedOn = day(row?.notified_on);
    out.set(id, {
      state: { code: state, label: ORIENTATION_STATES[state] },
      requestedOn: day(row?.requested_on),
      kind: row?.kind ? kindL(row.kind) : null,
      organisme: row?.organisme ? orgL(row.organisme) : null,
      decidedOn,
      notifiedOn,
      delay: soumis
        ? orientationDelay({
            ddSince: day(block?.dd_since),
            decidedOn,
            today: today(ctx),
            targetWeeks: params['rsa.orientation.targetWeeks'],
          })
        : null,
      signatureDueOn:
        state === 'orientee' && notifiedOn ? signatureDueOn(notifiedOn, params['rsa.contract.signatureMonths']) : null,
      allowed: allowedTargets(
        WF,
        state,
        ctx.actor,
        { soumis, kind: 'professionnelle', organisme: 'france_travail' },
        mine,
      ),
      decisions: decisions
        .filter((d) => d.person_id === id)
        .map((d) => ({
          kind: kindL(d.kind),
          organisme: orgL(d.organisme),
          requestedOn: day(d.requested_on),
          decidedOn: String(day(d.decided_on)),
          notifiedOn: day(d.notified_on),
          reorientation: d.reorientation,
          epReference: d.ep_reference,
          decidedBy: d.display_name,
        })),
      history: mine.map((h) => ({
        from: h.from,
        to: h.to,
        at: h.at.toISOString(),
        actorName: h.actorName,
        reason: h.reason,
      })),
    });
  }
  return out;
}

type OrientationRow = Awaited<ReturnType<typeof findOrientation>>;

/** The orientation row after the transition (the request's date and author, the decision's fields). */
function nextRow(ctx: Ctx, ids: { personId: string; fileId: string }, row: OrientationRow, input: OrientationInput) {
  const base = {
    person_id: ids.personId,
    case_file_id: ids.fileId,
    state: input.to,
    requested_on: day(row?.requested_on),
    requested_by: row?.requested_by ?? null,
    kind: row?.kind ?? null,
    organisme: row?.organisme ?? null,
    decided_on: day(row?.decided_on),
    notified_on: day(row?.notified_on),
    ep_reference: row?.ep_reference ?? null,
    updated_at: ctx.now,
  };
  if (input.to === 'demandee' || input.to === 'reorientation_demandee')
    return {
      ...base,
      requested_on: input.requestedOn,
      requested_by: ctx.actor.id,
      ep_reference: input.to === 'reorientation_demandee' ? (input.epReference ?? null) : null,
    };
  if (input.to === 'non_orientee') return { ...base, requested_on: null, requested_by: null };
  return {
    ...base,
    kind: input.kind,
    organisme: input.organisme,
    decided_on: input.decidedOn,
    notified_on: input.notifiedOn ?? null,
    ep_reference: null,
  };
}

/** A decision, kept with the target delay in force on its date (a decision keeps the values it used). */
async function recordDecision(
  trx: Queryable,
  ctx: Ctx,
  ids: { personId: string; fileId: string },
  before: { from: OrientationState; requestedOn: string | null; epReference: string | null },
  input: Extract<OrientationInput, { to: 'orientee' }>,
) {
  if (before.requestedOn && input.decidedOn < before.requestedOn)
    throw unprocessable('rsa_decision_before_request', 'La décision ne peut pas précéder la demande', {
      decidedOn: 'La décision ne peut pas précéder la demande',
    });
  const target = (await loadParams(trx, new Date(`${input.decidedOn}T12:00:00Z`)))['rsa.orientation.targetWeeks'];
  const reorientation = before.from === 'reorientation_demandee';
  await insertDecision(trx, {
    person_id: ids.personId,
    case_file_id: ids.fileId,
    kind: input.kind,
    organisme: input.organisme,
    requested_on: before.requestedOn,
    decided_on: input.decidedOn,
    notified_on: input.notifiedOn ?? null,
    reorientation,
    ep_reference: reorientation ? before.epReference : null,
    reason: input.reason ?? null,
    decided_by: ctx.actor.id,
    target_weeks: target,
    at: ctx.now,
  });
}

/**
 * One transition of a person's orientation (POST /api/usagers/:id/rsa/members/:memberId/orientation): checked by the
 * core table (roles, guards, maker-checker: whoever requested may not decide), recorded in `workflow_transition`, a
 * decision kept with its date, organisme and the target delay in force that day.
 */
export const transitionOrientation = (ctx: Ctx, fileId: string, memberId: string, input: OrientationInput) =>
  ctx.db.transaction().execute(async (trx) => {
    await loadRsaFile(trx, ctx, fileId, true);
    const personId = await personOfFile(trx, fileId, memberId);
    const ids = { personId, fileId };
    const [row, block, history] = await Promise.all([
      findOrientation(trx, personId),
      findRsaPerson(trx, personId),
      historyOf(trx, WF.name, [personId]),
    ]);
    const from = (row?.state ?? 'non_orientee') as OrientationState;
    const facts = {
      soumis: block?.toppersdrodevorsa ?? false,
      kind: input.to === 'orientee' ? input.kind : null,
      organisme: input.to === 'orientee' ? input.organisme : null,
    };
    const decision = checkTransition(WF, from, input.to, ctx.actor, facts, history);
    if (!decision.ok) throw unprocessable(decision.code, decision.message, { to: decision.message });
    if (input.to === 'orientee')
      await recordDecision(
        trx,
        ctx,
        ids,
        { from, requestedOn: day(row?.requested_on), epReference: row?.ep_reference ?? null },
        input,
      );
    await upsertOrientation(trx, nextRow(ctx, ids, row, input));
    await recordTransition(trx, {
      workflow: WF.name,
      subjectId: personId,
      caseFileId: fileId,
      from,
      to: input.to,
      actorId: ctx.actor.id,
      at: ctx.now,
      reason: input.reason ?? null,
      instructs: decision.transition.instructs ?? false,
    });
    const decided = input.to === 'orientee' ? { kind: input.kind, organisme: input.organisme } : {};
    await audit(trx, ctx, 'rsa_orientation.transition', {
      caseFileId: fileId,
      targetType: 'person',
      targetId: personId,
      diff: { from, to: input.to, ...decided },
    });
    return { state: input.to };
  });

import {
  canActOnEpPassage,
  checkTransition,
  computeSanction,
  EP_WORKFLOW,
  nextMonthStart,
  OUTCOMES_BY_MOTIF,
  remobilisationReversal,
  sanctionRulesOf,
  type EpAvisInput,
  type EpDecisionInput,
  type EpMotif,
  type EpState,
  type RemobilisationInput,
} from '@jalon/core';
import type { Updateable } from 'kysely';
import { audit } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { sealText } from '../../crypto/index.js';
import type { Queryable, RsaEpPassageTable } from '../../db/schema.js';
import { conflict, unprocessable } from '../../errors.js';
import { loadParams } from '../params/index.js';
import { historyOf, recordTransition } from '../workflows/index.js';
import { loadPassage } from './load.js';
import { factsOf } from './present.js';
import {
  householdSize,
  insertSanction,
  liftSanction,
  passageAad,
  priorSanctions,
  sanctionsOfPassages,
  updatePassage,
  type PassageRow,
} from './queries.js';

/** Avis, decision (maker-checker), withdrawal and remobilisation (docs/api.md, "RSA : équipe pluridisciplinaire"). */

const today = (ctx: Ctx) => ctx.now.toISOString().slice(0, 10);
const STALE = 'Le passage a été modifié entre-temps : rechargez la page';

/** Moves the passage through the EP workflow (checked, recorded in its history), with the fields that go with it. */
async function move(
  trx: Queryable,
  ctx: Ctx,
  row: PassageRow,
  to: EpState,
  set: Updateable<RsaEpPassageTable>,
  reason: string | null = null,
) {
  const history = await historyOf(trx, EP_WORKFLOW.name, [row.id]);
  const from = row.state as EpState;
  const d = checkTransition(EP_WORKFLOW, from, to, ctx.actor, factsOf(row, ctx.now), history);
  if (!d.ok) throw unprocessable(d.code, d.message, { state: d.message });
  const r = await updatePassage(trx, row.id, row.version, { ...set, state: to });
  if (Number(r.numUpdatedRows) !== 1) throw conflict('version_conflict', STALE);
  await recordTransition(trx, {
    workflow: EP_WORKFLOW.name,
    subjectId: row.id,
    caseFileId: row.case_file_id,
    from,
    to,
    actorId: ctx.actor.id,
    at: ctx.now,
    reason,
  });
}

const outcomeFits = (motif: string, outcome: string) =>
  (OUTCOMES_BY_MOTIF[motif as EpMotif] as readonly string[]).includes(outcome);

/** The EP's avis, recorded once the session has been held. */
export const recordAvis = (ctx: Ctx, fileId: string, passageId: string, input: EpAvisInput) =>
  ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadPassage(trx, ctx, fileId, passageId, canActOnEpPassage);
    if (!outcomeFits(row.motif, input.avis))
      throw unprocessable('outcome_motif', 'Cet avis ne répond pas au motif de l’inscription', { avis: 'Non adapté' });
    await move(trx, ctx, row, 'avis_rendu', {
      avis: input.avis,
      avis_text: input.text ? sealText(input.text, passageAad('avis_text', passageId)) : null,
      avis_deemed: false,
      avis_on: today(ctx),
    });
    await audit(trx, ctx, 'rsa_ep.avis', {
      caseFileId: fileId,
      targetType: 'rsa_ep_passage',
      targetId: passageId,
      diff: { avis: input.avis },
    });
    return { id: passageId };
  });

/** The sanction a decision sets: the rules in force today, the breach repeated when the person had one before. */
async function sanctionOf(trx: Queryable, ctx: Ctx, row: PassageRow, input: EpDecisionInput) {
  if (input.rate === undefined || input.months === undefined)
    throw unprocessable('sanction_incomplete', 'Indiquez le taux et la durée de la suspension', {
      ...(input.rate === undefined ? { rate: 'Obligatoire' } : {}),
      ...(input.months === undefined ? { months: 'Obligatoire' } : {}),
    });
  const rules = sanctionRulesOf(await loadParams(trx, ctx.now));
  const breach = (await priorSanctions(trx, row.person_id)) > 0 ? 'repetition' : 'premier';
  const size = await householdSize(trx, row.case_file_id);
  const c = computeSanction(rules, {
    breach,
    rate: input.rate,
    months: input.months,
    householdSize: size,
    monthlyAmountCents: input.monthlyAmountCents ?? null,
  });
  if (!c.ok) throw unprocessable(c.code, c.message, { [c.field]: c.message });
  return { value: c.value, params: { ...rules, householdSize: size } };
}

/** The decision, by the site manager and never by whoever instructed (maker-checker); a sanction keeps its rules. */
export const decide = (ctx: Ctx, fileId: string, passageId: string, input: EpDecisionInput) =>
  ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadPassage(trx, ctx, fileId, passageId, canActOnEpPassage);
    if (!outcomeFits(row.motif, input.outcome))
      throw unprocessable('outcome_motif', 'Cette décision ne répond pas au motif de l’inscription', {
        outcome: 'Non adaptée',
      });
    const deemed = row.state === 'inscrit';
    const sanction = input.outcome === 'sanction' ? await sanctionOf(trx, ctx, row, input) : null;
    await move(trx, ctx, row, 'decide', {
      outcome: input.outcome,
      decision_reason: input.reason ? sealText(input.reason, passageAad('decision_reason', passageId)) : null,
      decided_by: ctx.actor.id,
      decided_on: today(ctx),
      // Without an answer within the delay in force, the EP's avis is deemed given (docs/domain.md §3).
      ...(deemed ? { avis_deemed: true, avis_on: factsOf(row, ctx.now).avisDeemedFrom } : {}),
    });
    let sanctionId: string | null = null;
    if (sanction) {
      const v = sanction.value;
      sanctionId = (
        await insertSanction(trx, {
          passage_id: passageId,
          case_file_id: fileId,
          person_id: row.person_id,
          breach: v.breach,
          rate: v.rate,
          months: v.months,
          start_month: nextMonthStart(today(ctx)),
          monthly_amount_cents: v.monthlyAmountCents,
          monthly_withheld_cents: v.monthlyWithheldCents,
          total_withheld_cents: v.totalWithheldCents,
          params: JSON.stringify(sanction.params),
          created_at: ctx.now,
        })
      ).id;
    }
    await audit(trx, ctx, 'rsa_ep.decide', {
      caseFileId: fileId,
      targetType: 'rsa_ep_passage',
      targetId: passageId,
      diff: {
        outcome: input.outcome,
        avisDeemed: deemed,
        ...(sanction
          ? { breach: sanction.value.breach, rate: sanction.value.rate, months: sanction.value.months }
          : {}),
      },
    });
    return { id: passageId, sanctionId };
  });

/** Withdrawal from the agenda before the decision. */
export const withdraw = (ctx: Ctx, fileId: string, passageId: string, reason: string | null) =>
  ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadPassage(trx, ctx, fileId, passageId, canActOnEpPassage);
    await move(trx, ctx, row, 'annule', {}, reason);
    await audit(trx, ctx, 'rsa_ep.withdraw', {
      caseFileId: fileId,
      targetType: 'rsa_ep_passage',
      targetId: passageId,
      diff: { state: 'annule' },
    });
    return { id: passageId };
  });

/** Remobilisation: the sanction ends and the sums withheld so far are paid back (docs/domain.md §3). */
export const remobilise = (ctx: Ctx, fileId: string, passageId: string, input: RemobilisationInput) =>
  ctx.db.transaction().execute(async (trx) => {
    await loadPassage(trx, ctx, fileId, passageId, canActOnEpPassage);
    const s = (await sanctionsOfPassages(trx, [passageId]))[0];
    if (!s) throw conflict('no_sanction', 'Aucune sanction n’a été décidée pour ce passage');
    if (s.status !== 'en_cours') throw conflict('sanction_lifted', 'La sanction est déjà levée');
    const dayOf = input.day ?? today(ctx);
    if (dayOf > today(ctx))
      throw unprocessable('date_future', 'La date de remobilisation ne peut pas être dans le futur', {
        day: 'Date future',
      });
    const startMonth = String(s.start_month).slice(0, 10);
    const r = remobilisationReversal(
      { startMonth, months: s.months, monthlyWithheldCents: s.monthly_withheld_cents },
      dayOf,
    );
    const lifted = await liftSanction(trx, s.id, { day: dayOf, by: ctx.actor.id, reversedCents: r.reversedCents });
    if (Number(lifted.numUpdatedRows) !== 1) throw conflict('sanction_lifted', 'La sanction est déjà levée');
    await audit(trx, ctx, 'rsa_sanction.remobilise', {
      caseFileId: fileId,
      targetType: 'rsa_sanction',
      targetId: s.id,
      diff: { day: dayOf, reversedCents: r.reversedCents, monthsCancelled: r.monthsCancelled },
    });
    return { id: s.id, ...r };
  });

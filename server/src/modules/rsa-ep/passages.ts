import {
  plusDays,
  canActOnEpPassage,
  canInstructRsaEp,
  canReadRsaEp,
  canSeeEpSessions,
  followsUsager,
  type EpInscriptionInput,
  type EpObservationsInput,
  type EpPassageDto,
  type EpTasksDto,
} from '@jalon/core';
import { authorizedFileIds, loadNeedToKnowUsager } from '../../access/load-authorized.js';
import { audit, logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { sealText } from '../../crypto/index.js';
import { conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { loadParams } from '../params/index.js';
import { historyOf, recordTransition } from '../workflows/index.js';
import { loadPassage } from './load.js';
import { personNameOf, presentPassage } from './present.js';
import {
  findSession,
  insertPassage,
  openPassagesOfSite,
  passageAad,
  passagesOfFile,
  personOfFile,
  sanctionsOfPassages,
  updatePassage,
} from './queries.js';

/** A person's passages before the EP (docs/api.md, "RSA : équipe pluridisciplinaire et sanctions"). */

const today = (ctx: Ctx) => ctx.now.toISOString().slice(0, 10);
const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

/** The file's passages and sanctions (the full part's need-to-know: 404 otherwise); the read is access-logged. */
export async function readFileEp(ctx: Ctx, fileId: string): Promise<EpPassageDto[]> {
  await loadNeedToKnowUsager(ctx.db, ctx.actor, fileId, canReadRsaEp);
  const rows = await passagesOfFile(ctx.db, fileId);
  const sanctions = new Map(
    (
      await sanctionsOfPassages(
        ctx.db,
        rows.map((r) => r.id),
      )
    ).map((s) => [s.passage_id, s]),
  );
  const history = await historyOf(
    ctx.db,
    'rsa_ep',
    rows.map((r) => r.id),
  );
  await logAccess(ctx.db, ctx, fileId, 'rsa_ep');
  return rows.map((r) =>
    presentPassage(
      r,
      sanctions.get(r.id),
      history.filter((h) => h.subjectId === r.id),
      ctx.actor,
      ctx.now,
    ),
  );
}

/**
 * Inscribes a person of the file at a session of the file's site, by a worker who follows the file or the site
 * manager: they instruct
 * the passage (maker-checker), and the person's observation deadline and the avis delay are those in force today.
 */
export const inscribe = (ctx: Ctx, fileId: string, input: EpInscriptionInput): Promise<{ id: string }> =>
  ctx.db.transaction().execute(async (trx) => {
    const file = await loadNeedToKnowUsager(trx, ctx.actor, fileId, canInstructRsaEp, { write: true });
    const session = await findSession(trx, input.sessionId);
    if (!session || session.site_id !== file.siteId) throw notFound('Séance');
    const sessionDate = day(session.session_date);
    if (sessionDate < today(ctx))
      throw unprocessable('ep_session_past', 'Cette séance a déjà eu lieu : choisissez une séance à venir', {
        sessionId: 'Séance passée',
      });
    const person = await personOfFile(trx, fileId, input.personId);
    if (!person)
      throw unprocessable('not_member', 'Cette personne ne fait pas partie du foyer', { personId: 'Inconnue' });
    const p = await loadParams(trx, ctx.now);
    const observationsDeadline = plusDays(today(ctx), p['rsa.ep.observationsDays']);
    const avisDeemedFrom = plusDays(sessionDate, p['rsa.ep.avisDays']);
    const inserted = await insertPassage(trx, {
      session_id: session.id,
      case_file_id: fileId,
      person_id: person.person_id,
      motif: input.motif,
      state: 'inscrit',
      facts: null,
      observations_deadline: observationsDeadline,
      avis_deemed_from: avisDeemedFrom,
      created_by: ctx.actor.id,
      created_at: ctx.now,
    }).catch((e: unknown) => {
      if (String((e as { code?: string }).code) === '23505')
        throw conflict('ep_already_inscribed', 'Cette personne est déjà inscrite pour ce motif en attente de décision');
      throw e;
    });
    await updatePassage(trx, inserted.id, 1, { facts: sealText(input.facts, passageAad('facts', inserted.id)) });
    await recordTransition(trx, {
      workflow: 'rsa_ep',
      subjectId: inserted.id,
      caseFileId: fileId,
      from: null,
      to: 'inscrit',
      actorId: ctx.actor.id,
      at: ctx.now,
      reason: null,
      instructs: true,
    });
    await audit(trx, ctx, 'rsa_ep.inscribe', {
      caseFileId: fileId,
      targetType: 'rsa_ep_passage',
      targetId: inserted.id,
      diff: { motif: input.motif, sessionDate, observationsDeadline, avisDeemedFrom },
    });
    return { id: inserted.id };
  });

/** The person's observations (the contradictoire), recorded by a worker who follows the file, before the decision. */
export const recordObservations = (ctx: Ctx, fileId: string, passageId: string, input: EpObservationsInput) =>
  ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadPassage(trx, ctx, fileId, passageId, canActOnEpPassage);
    if (row.state === 'decide' || row.state === 'annule')
      throw conflict('ep_closed', 'La décision est prise : les observations ne peuvent plus être ajoutées');
    const receivedOn = input.receivedOn ?? today(ctx);
    if (receivedOn > today(ctx))
      throw unprocessable('date_future', 'La date de réception ne peut pas être dans le futur', {
        receivedOn: 'Date future',
      });
    await updatePassage(trx, passageId, row.version, {
      observations: sealText(input.text, passageAad('observations', passageId)),
      observations_on: receivedOn,
    });
    await audit(trx, ctx, 'rsa_ep.observations', {
      caseFileId: fileId,
      targetType: 'rsa_ep_passage',
      targetId: passageId,
      diff: { receivedOn },
    });
    return { id: passageId };
  });

/**
 * Task lists (docs/api.md): EP to prepare (passages of sessions of the next 30 days still inscribed) and observations
 * awaited (manquement, deadline not passed, none received); a worker's of the files they follow, the manager's site.
 */
export async function epTasks(ctx: Ctx): Promise<EpTasksDto> {
  if (!canSeeEpSessions(ctx.actor)) throw forbidden();
  const rows = await openPassagesOfSite(ctx.db, ctx.actor.siteId ?? '');
  const ids = [...new Set(rows.map((r) => r.case_file_id))];
  const mine = new Set(
    ctx.actor.role === 'responsable' ? ids : await authorizedFileIds(ctx.db, ctx.actor, ids, followsUsager),
  );
  const horizon = plusDays(today(ctx), 30);
  const shown = rows.filter((r) => mine.has(r.case_file_id));
  return {
    toPrepare: shown
      .filter((r) => r.state === 'inscrit' && day(r.session_date) <= horizon && day(r.session_date) >= today(ctx))
      .map((r) => ({
        passageId: r.id,
        caseFileId: r.case_file_id,
        personName: personNameOf(r),
        sessionDate: day(r.session_date),
        motif: r.motif as EpTasksDto['toPrepare'][number]['motif'],
      })),
    observationsAwaited: shown
      .filter((r) => r.motif === 'manquement' && !r.observations_on && day(r.observations_deadline) >= today(ctx))
      .map((r) => ({
        passageId: r.id,
        caseFileId: r.case_file_id,
        personName: personNameOf(r),
        deadline: day(r.observations_deadline),
      })),
  };
}

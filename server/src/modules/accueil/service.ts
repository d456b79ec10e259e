import type { AccueilArrivalInput, AccueilVisitDto, Actor } from '@jalon/core';
import { loadAuthorizedUsager } from '../../access/load-authorized.js';
import { audit } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { forbidden, notFound, unprocessable } from '../../errors.js';
import { createEntry, parisMidnight } from '../journal/index.js';
import { displayName } from '../usagers/index.js';
import {
  countActiveMotifs,
  findVisit,
  insertVisit,
  isSiteWorker,
  linkEntry,
  setSeen,
  visitsOfSite,
} from './queries.js';

const DAY = 86_400_000;

/**
 * The reception list is the site's (docs/api.md, "Accueil"): its secretaries and social workers only. Nobody above
 * the site sees who waited for whom.
 */
function siteOf(actor: Actor): string {
  if (!actor.siteId || (actor.role !== 'secretaire' && actor.role !== 'travailleur_social'))
    throw forbidden('La liste d’accueil est réservée au secrétariat et aux travailleurs sociaux du site');
  return actor.siteId;
}

/** The Paris day of an instant, as aaaa-mm-jj. */
const parisDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);

export async function listVisits(ctx: Ctx): Promise<{ items: AccueilVisitDto[] }> {
  const siteId = siteOf(ctx.actor);
  const from = parisMidnight(parisDay(ctx.now));
  const rows = await visitsOfSite(ctx.db, siteId, from, new Date(from.getTime() + DAY + 2 * 3600_000)).execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      caseFileId: r.case_file_id,
      fileNumber: r.file_number,
      usagerName: displayName(r),
      arrivedAt: new Date(r.arrived_at).toISOString(),
      motifs: r.motifs,
      seenById: r.seen_by,
      seenByName: r.seen_by_name,
      seenAt: r.seen_at ? new Date(r.seen_at).toISOString() : null,
      entryId: r.entry_id,
    })),
  };
}

/** Puts a usager of the site on the waiting list, arrived now. */
export async function recordArrival(ctx: Ctx, fileId: string, input: AccueilArrivalInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const file = await loadAuthorizedUsager(trx, ctx.actor, fileId);
    const siteId = siteOf(ctx.actor);
    if (file.siteId !== siteId) throw notFound('Dossier');
    if ((await countActiveMotifs(trx, input.motifs)) !== new Set(input.motifs).size)
      throw unprocessable('invalid_motif', 'Motif inconnu ou désactivé', { motifs: 'Motif inconnu' });
    const { id } = await insertVisit(trx, {
      siteId,
      caseFileId: fileId,
      arrivedAt: ctx.now,
      motifs: input.motifs,
      createdBy: ctx.actor.id,
    });
    await audit(trx, ctx, 'accueil.arrival', { caseFileId: fileId, targetType: 'accueil_visit', targetId: id });
    return { id };
  });
}

async function loadVisit(ctx: Ctx, visitId: string) {
  const siteId = siteOf(ctx.actor);
  const visit = await findVisit(ctx.db, visitId);
  if (!visit || visit.site_id !== siteId) throw notFound('Passage à l’accueil');
  return visit;
}

/** Who receives the person: the worker taking them, or the worker the secretary names. */
export async function markSeen(ctx: Ctx, visitId: string, workerId: string | undefined) {
  const visit = await loadVisit(ctx, visitId);
  const who = workerId ?? (ctx.actor.role === 'travailleur_social' ? ctx.actor.id : undefined);
  if (!who)
    throw unprocessable('worker_required', 'Indiquez le professionnel qui reçoit la personne', {
      workerId: 'Professionnel obligatoire',
    });
  if (!(await isSiteWorker(ctx.db, visit.site_id, who)))
    throw unprocessable('invalid_worker', 'Professionnel inconnu sur ce site', {
      workerId: 'Professionnel inconnu sur ce site',
    });
  await ctx.db.transaction().execute(async (trx) => {
    await setSeen(trx, visitId, who, ctx.now);
    await audit(trx, ctx, 'accueil.seen', {
      caseFileId: visit.case_file_id,
      targetType: 'accueil_visit',
      targetId: visitId,
    });
  });
}

/**
 * One click records the visit in the file: a journal entry `accueil` at the arrival time, through the journal's own
 * service (its checks and audit). Recording twice returns the entry already recorded.
 */
export async function recordInFile(ctx: Ctx, visitId: string): Promise<{ entryId: string; created: boolean }> {
  const visit = await loadVisit(ctx, visitId);
  if (visit.entry_id) return { entryId: visit.entry_id, created: false };
  const { id } = await createEntry(ctx, visit.case_file_id, {
    type: 'accueil',
    occurredAt: new Date(visit.arrived_at).toISOString(),
    motifs: visit.motifs,
    personIds: [],
    workerIds: visit.seen_by && visit.seen_by !== ctx.actor.id ? [visit.seen_by] : [],
    visibility: 'referents',
    confirmFlags: false,
    confirmClash: false,
  });
  if (!(await linkEntry(ctx.db, visitId, id))) {
    const again = await findVisit(ctx.db, visitId);
    return { entryId: again?.entry_id ?? id, created: false };
  }
  return { entryId: id, created: true };
}

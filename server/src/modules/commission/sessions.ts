import {
  applicationFitsSession,
  canCreateCitySession,
  canManageCommissions,
  canManageSession,
  type AgendaInput,
  type CommissionAgendaItemDto,
  type CommissionDetailDto,
  type CommissionSessionDto,
  type CommissionSessionInput,
} from '@jalon/core';
import { audit, logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import type { Queryable } from '../../db/schema.js';
import { conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { COMMISSION_STATES, type ApplicationFacts } from './applications.js';
import {
  applicationsByIds,
  findSession,
  insertItems,
  insertSession,
  itemsOfSession,
  listSessions,
  lockSession,
  pendingItemsOf,
  type ItemRow,
  type SessionRow,
  siteExists,
  waitingApplications,
} from './queries.js';

export const managersOnly = (ctx: Ctx) => {
  if (!canManageCommissions(ctx.actor))
    throw forbidden('Les commissions sont réservées aux responsables de site et à l’administration');
};

export const presentSession = (s: SessionRow): CommissionSessionDto => ({
  id: s.id,
  sessionDate: s.session_date,
  kind: s.kind,
  level: s.level,
  siteId: s.site_id,
  siteName: s.site_name ?? (s.level === 'ville' ? 'Ville de Paris (FSL)' : ''),
  territory: s.territory,
  status: s.closed_at ? 'close' : 'ouverte',
  agendaCount: Number(s.agenda_count ?? 0),
  decidedCount: Number(s.decided_count ?? 0),
});

/** The gate to one session: missing, and another site's, both answer 404 (docs/security.md, "Commissions"). */
export async function loadSession(db: Queryable, ctx: Ctx, id: string): Promise<SessionRow> {
  managersOnly(ctx);
  const s = await findSession(db, id);
  if (!s || !canManageSession(ctx.actor, { siteId: s.site_id, level: s.level })) throw notFound('Commission');
  return s;
}

/** In a transaction: the session locked, refused once closed (its PV is final). */
export async function lockOpenSession(db: Queryable, ctx: Ctx, id: string): Promise<SessionRow> {
  const s = await loadSession(db, ctx, id);
  const locked = await lockSession(db, id);
  if (!locked) throw notFound('Commission');
  if (locked.closed_at) throw conflict('session_closed', 'Cette commission est close : son procès-verbal est arrêté');
  return s;
}

export async function createSession(ctx: Ctx, input: CommissionSessionInput) {
  managersOnly(ctx);
  const admin = ctx.actor.role === 'admin_fonctionnel';
  const level = input.level ?? 'site';
  if (level === 'ville' && !canCreateCitySession(ctx.actor))
    throw forbidden('La commission FSL de la Ville est organisée par l’administration');
  if (!admin && input.siteId && input.siteId !== ctx.actor.siteId)
    throw forbidden('Un responsable crée les commissions de son site');
  const siteId = level === 'ville' ? null : ((admin ? input.siteId : ctx.actor.siteId) ?? null);
  if (level === 'site' && !siteId)
    throw unprocessable('site_required', 'Choisissez le site de la commission', { siteId: 'Site obligatoire' });
  return ctx.db.transaction().execute(async (trx) => {
    if (siteId && !(await siteExists(trx, siteId)))
      throw unprocessable('invalid_site', 'Site inconnu', { siteId: 'Site inconnu' });
    const { id } = await insertSession(trx, {
      date: input.sessionDate,
      kind: input.kind,
      level,
      siteId,
      territory: input.territory ?? null,
      by: ctx.actor.id,
      at: ctx.now,
    });
    await audit(trx, ctx, 'commission_session.create', {
      targetType: 'commission_session',
      targetId: id,
      diff: { sessionDate: input.sessionDate, kind: input.kind, level },
    });
    return presentSession((await findSession(trx, id)) as SessionRow);
  });
}

export async function sessionsList(ctx: Ctx, status: 'all' | 'open') {
  managersOnly(ctx);
  const siteId = ctx.actor.role === 'admin_fonctionnel' ? undefined : (ctx.actor.siteId ?? '');
  return { items: (await listSessions(ctx.db, siteId, status === 'open')).map(presentSession) };
}

const candidateOf = (a: ApplicationFacts) => ({
  applicationId: a.id,
  caseFileId: a.caseFileId,
  personName: a.personName,
  aidType: a.aidType,
  aidTypeLabel: a.aidTypeLabel,
  requestedCents: a.requestedCents,
  state: a.state,
  urgent: a.urgent,
});

export function agendaItem(i: ItemRow, a: ApplicationFacts | undefined): CommissionAgendaItemDto {
  return {
    ...(a ? candidateOf(a) : { ...MISSING, applicationId: i.application_id, caseFileId: i.case_file_id }),
    position: i.position,
    decision: i.outcome
      ? {
          outcome: i.outcome,
          amountCents: i.amount_cents === null ? null : Number(i.amount_cents),
          reason: a?.decisionReason ?? null,
        }
      : null,
    letterDocumentId: i.letter_document_id,
  };
}
/** An application whose file was anonymised since: the line stays, counted, without a name. */
const MISSING = {
  personName: 'Dossier anonymisé',
  aidType: '',
  aidTypeLabel: '—',
  requestedCents: null,
  state: '',
  urgent: false,
};

/** The session, its agenda and the applications waiting for it; every file shown is access-logged. */
export async function sessionDetail(ctx: Ctx, id: string): Promise<CommissionDetailDto> {
  const s = await loadSession(ctx.db, ctx, id);
  const items = await itemsOfSession(ctx.db, id);
  const apps = new Map(
    (
      await applicationsByIds(
        ctx.db,
        items.map((i) => i.application_id),
      )
    ).map((a) => [a.id, a]),
  );
  const waiting = s.closed_at ? [] : await waitingApplications(ctx.db, s.site_id, s.kind === 'urgente');
  const agenda = items.map((i) => agendaItem(i, apps.get(i.application_id)));
  for (const fileId of new Set([...agenda.map((a) => a.caseFileId), ...waiting.map((w) => w.caseFileId)]))
    await logAccess(ctx.db, ctx, fileId, 'commission');
  return {
    ...presentSession(s),
    agenda,
    candidates: waiting.map(candidateOf),
    paymentTotalCents: agenda.reduce(
      (sum, a) =>
        sum +
        (a.decision && (a.decision.outcome === 'accord' || a.decision.outcome === 'accord_partiel')
          ? (a.decision.amountCents ?? 0)
          : 0),
      0,
    ),
  };
}

/**
 * Puts applications on the agenda, after the last one: each must be in commission (an urgent session takes the
 * urgent ones only), of the session's site, and on no other agenda undecided.
 */
export async function addToAgenda(ctx: Ctx, id: string, input: AgendaInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const s = await lockOpenSession(trx, ctx, id);
    const apps = new Map((await applicationsByIds(trx, input.applicationIds)).map((a) => [a.id, a]));
    for (const appId of input.applicationIds) {
      const a = apps.get(appId);
      if (!a || !applicationFitsSession({ siteId: s.site_id, level: s.level }, a)) throw notFound('Demande d’aide');
      if (!(COMMISSION_STATES as readonly string[]).includes(a.state))
        throw unprocessable('not_in_commission', 'Cette demande n’a pas été transmise à la commission');
      if (s.kind === 'urgente' && a.state !== 'commission_urgente')
        throw unprocessable('not_urgent', 'Une commission urgente examine les demandes en procédure d’urgence');
    }
    if ((await pendingItemsOf(trx, input.applicationIds)).length > 0)
      throw conflict('already_on_agenda', 'Une de ces demandes est déjà inscrite à l’ordre du jour d’une commission');
    const last = (await itemsOfSession(trx, id)).at(-1)?.position ?? 0;
    await insertItems(
      trx,
      input.applicationIds.map((appId, k) => ({
        sessionId: id,
        applicationId: appId,
        caseFileId: apps.get(appId)?.caseFileId ?? '',
        position: last + k + 1,
      })),
    );
    await audit(trx, ctx, 'commission_session.agenda', {
      targetType: 'commission_session',
      targetId: id,
      diff: { added: input.applicationIds.length },
    });
    return presentSession((await findSession(trx, id)) as SessionRow);
  });
}

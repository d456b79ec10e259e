import { canCreateAidApplication, canReadAidApplication, checkPieces, type PiecesDto } from '@jalon/core';
import { loadNeedToKnowUsager } from '../../access/load-authorized.js';
import { logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import type { Queryable } from '../../db/schema.js';
import { conflict, notFound } from '../../errors.js';
import { applyTransition } from '../aids/index.js';
import { documentsOfFile } from '../documents/index.js';
import type { ApplicationFacts } from './applications.js';
import { applicationsByIds } from './queries.js';

const parisDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);

async function applicationOf(db: Queryable, id: string): Promise<ApplicationFacts> {
  const app = (await applicationsByIds(db, [id]))[0];
  if (!app) throw notFound('Demande d’aide');
  return app;
}

async function piecesOf(db: Queryable, app: ApplicationFacts, now: Date): Promise<PiecesDto> {
  const docs = await documentsOfFile(db, app.caseFileId);
  const check = checkPieces(
    app.aidType,
    docs.map((d) => ({ id: d.id, type: d.type, validUntil: d.valid_until })),
    parisDay(now),
  );
  return { applicationId: app.id, aidType: app.aidType, ...check };
}

/**
 * The pièces justificatives of an application against its aid's checklist (docs/api.md, "Commissions"): the file's
 * need-to-know of the applications (404 otherwise); the documents' list is access-logged like the documents tab.
 */
export async function applicationPieces(ctx: Ctx, id: string): Promise<PiecesDto> {
  const app = await applicationOf(ctx.db, id);
  await loadNeedToKnowUsager(ctx.db, ctx.actor, app.caseFileId, canReadAidApplication);
  const dto = await piecesOf(ctx.db, app, ctx.now);
  await logAccess(ctx.db, ctx, app.caseFileId, 'documents');
  return dto;
}

/**
 * "Pièces manquantes" drives the state: a draft (or an application waiting for pièces) is deposited complete when
 * every piece is there, otherwise a draft is deposited with pièces missing. Through the aids workflow, whose guard
 * refuses "complète" while a piece is missing. Those who follow the file only.
 */
export async function checkApplicationPieces(ctx: Ctx, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const app = await applicationOf(trx, id);
    await loadNeedToKnowUsager(trx, ctx.actor, app.caseFileId, canCreateAidApplication, { write: true });
    if (app.state !== 'brouillon' && app.state !== 'deposee_pieces_manquantes')
      throw conflict('already_deposited', 'Les pièces se vérifient au dépôt : cette demande est déjà déposée complète');
    const dto = await piecesOf(trx, app, ctx.now);
    const to = dto.complete ? 'deposee_complete' : app.state === 'brouillon' ? 'deposee_pieces_manquantes' : null;
    if (to) await applyTransition(trx, ctx, id, { to, reason: null });
    await logAccess(trx, ctx, app.caseFileId, 'documents');
    return { ...dto, state: to ?? app.state };
  });
}

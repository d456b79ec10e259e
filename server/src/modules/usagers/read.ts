import {
  canReadConsultations,
  canReadGeneralUsager,
  fileAbilities,
  type ConsultationDto,
  type UsagerDto,
  type UsagerListItem,
} from '@jalon/core';
import { loadAuthorizedUsager } from '../../access/load-authorized.js';
import { filesOfMyTeams, myActiveFiles } from '../../access/queries.js';
import { findFileTarget, type FileTarget } from '../../access/targets.js';
import { logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { notFound } from '../../errors.js';
import { genogramTargetFor } from '../genogram/index.js';
import { displayName, presentUsager } from './present.js';
import { loadUsagerFile } from './queries.js';
import { activeFilesIn, consultationsOfFile } from './read-queries.js';

/** The file assembled for a target already decided on: the part its abilities allow, nothing logged. */
async function presentFile(ctx: Ctx, target: FileTarget): Promise<UsagerDto> {
  const can = fileAbilities(ctx.actor, target, await genogramTargetFor(ctx.db, ctx.actor, target));
  const file = await loadUsagerFile(ctx.db, target.id, { referents: true, members: can.readFull });
  if (!file) throw notFound('Dossier');
  return presentUsager(file.row, file.referents, file.members, can);
}

/** The file as the caller may see it, with its `can` map; the read is logged with the part shown. */
export async function getUsager(ctx: Ctx, id: string): Promise<UsagerDto> {
  const target = await loadAuthorizedUsager(ctx.db, ctx.actor, id, canReadGeneralUsager);
  const dto = await presentFile(ctx, target);
  await logAccess(ctx.db, ctx, id, dto.can.readFull ? 'full' : 'general');
  return dto;
}

/**
 * The answer to a write on the file (docs/architecture.md, "Access checked once"): the target decided inside the
 * write's transaction, reloaded only when the write changed the relations (`relations: true`, the référents); the
 * write is audited, so answering it does not log a read of the file.
 */
export async function fileAfterWrite(ctx: Ctx, target: FileTarget, opts: { relations?: boolean } = {}) {
  const now = opts.relations ? await findFileTarget(ctx.db, target.id) : target;
  if (!now) throw notFound('Dossier');
  return presentFile(ctx, now);
}

/**
 * "Consultations du dossier", for the référents only: role, site and date of every read;
 * names only for readers of the référent's own team (no tool to watch colleagues of other teams).
 */
export async function listConsultations(ctx: Ctx, id: string): Promise<{ items: ConsultationDto[] }> {
  const target = await loadAuthorizedUsager(ctx.db, ctx.actor, id, canReadGeneralUsager);
  if (!canReadConsultations(ctx.actor, target)) throw notFound('Dossier');
  const rows = await consultationsOfFile(ctx.db, id, ctx.actor.teamIds);
  await logAccess(ctx.db, ctx, id, 'consultations');
  return {
    items: rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      role: r.actor_role as ConsultationDto['role'],
      siteName: r.site_name,
      part: r.part,
      userName: r.same_team ? r.display_name : null,
    })),
  };
}

const listFiles = async (ctx: Ctx, scope: typeof myActiveFiles): Promise<{ items: UsagerListItem[] }> => {
  const rows = await activeFilesIn(ctx.db, scope(ctx.actor, ctx.now));
  return {
    items: rows.map((r) => ({
      id: r.id,
      fileNumber: r.file_number,
      displayName: displayName(r),
      birthDate: r.birth_date,
      status: r.status,
      teamName: r.team_name,
      referentName: r.referent_name,
      lastContactAt: r.last_contact_at ? new Date(r.last_contact_at).toISOString() : null,
    })),
  };
};

/** "Ma file active": my files with a contact in the last 12 months. */
export const listMyFiles = (ctx: Ctx) => listFiles(ctx, myActiveFiles);
/** "Mon équipe": the files followed by my teams. */
export const listTeamFiles = (ctx: Ctx) => listFiles(ctx, filesOfMyTeams);

import {
  followsUsager,
  type RsaBlockInput,
  type RsaFileDto,
  type RsaReferentDto,
  type RsaReferentInput,
} from '@jalon/core';
import { audit, logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { unprocessable } from '../../errors.js';
import { loadParams } from '../params/index.js';
import { loadRsaFile, personOfFile } from './access.js';
import { applyRsaChange, presentBlock, presentChange } from './block.js';
import { contractsOfFile } from './contracts/service.js';
import { orientationsOfFile } from './orientation/service.js';
import {
  filePersons,
  replaceRsaReferent,
  rsaChangesOfFile,
  rsaPersonsOfFile,
  rsaReferentsOfFile,
  workerOfSite,
} from './queries.js';

export const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const nameOf = (p: { birth_name: string; used_name: string | null; first_names: string }) =>
  `${p.first_names} ${p.used_name ?? p.birth_name}`;

type ReferentRow = Awaited<ReturnType<typeof rsaReferentsOfFile>>[number];
const presentReferent = (r: ReferentRow): RsaReferentDto => ({
  kind: r.kind,
  userId: r.user_id,
  name: r.kind === 'referent_unique' ? (r.display_name ?? 'Compte supprimé') : (r.partner_name ?? ''),
  organisme: r.organisme,
  startOn: String(r.start_on),
  endOn: r.end_on === null ? null : String(r.end_on),
});

/** One row per person: current members, and those who left whose RSA block is kept on the file. */
function shownPersons<P extends { id: string; principal_person_id: string; end_date: string | null }>(
  rows: readonly P[],
  blockOf: Map<string, unknown>,
) {
  const seen = new Set<string>();
  const principalFirst = [...rows].sort(
    (a, b) => Number(b.id === b.principal_person_id) - Number(a.id === a.principal_person_id),
  );
  return principalFirst.filter((p) => {
    if (seen.has(p.id) || (p.end_date !== null && !blockOf.has(p.id))) return false;
    seen.add(p.id);
    return true;
  });
}

/** The RSA tab of a file (GET /api/usagers/:id/rsa): every person's block, history, orientation, référents, contracts. */
export async function readRsa(ctx: Ctx, fileId: string): Promise<RsaFileDto> {
  const target = await loadRsaFile(ctx.db, ctx, fileId);
  const [memberships, blocks, changes, referents, params] = await Promise.all([
    filePersons(ctx.db, fileId),
    rsaPersonsOfFile(ctx.db, fileId),
    rsaChangesOfFile(ctx.db, fileId),
    rsaReferentsOfFile(ctx.db, fileId),
    loadParams(ctx.db, ctx.now),
  ]);
  const blockOf = new Map(blocks.map((b) => [b.person_id, b]));
  const persons = shownPersons(memberships, blockOf);
  const [orientations, contracts] = await Promise.all([
    orientationsOfFile(ctx, fileId, persons, blockOf, params),
    contractsOfFile(ctx.db, fileId, dayOf(ctx.now)),
  ]);
  await logAccess(ctx.db, ctx, fileId, 'rsa');
  return {
    persons: persons.map((p) => {
      const block = blockOf.get(p.id);
      const orientation = orientations.get(p.id);
      if (!orientation) throw new Error('orientation missing');
      return {
        personId: p.id,
        memberId: p.member_id,
        name: nameOf(p),
        principal: p.id === p.principal_person_id,
        block: block ? presentBlock(block) : null,
        history: changes.filter((c) => c.person_id === p.id).map(presentChange),
        orientation,
        referents: referents.filter((r) => r.person_id === p.id).map(presentReferent),
        contracts: contracts.get(p.id) ?? [],
      };
    }),
    can: { write: followsUsager(ctx.actor, target) && !target.limited },
    params: {
      orientationTargetWeeks: params['rsa.orientation.targetWeeks'],
      minWeeklyHours: params['rsa.contract.minWeeklyHours'],
      signatureMonths: params['rsa.contract.signatureMonths'],
    },
  };
}

/** Typing a person's RSA block (PUT /api/usagers/:id/rsa/persons/:personId): a change with origin `typed`. */
export const saveRsaBlock = (ctx: Ctx, fileId: string, memberId: string, input: RsaBlockInput) =>
  ctx.db.transaction().execute(async (trx) => {
    await loadRsaFile(trx, ctx, fileId, true);
    const personId = await personOfFile(trx, fileId, memberId);
    return applyRsaChange(trx, ctx, {
      personId,
      caseFileId: fileId,
      values: input,
      origin: 'typed',
      actorId: ctx.actor.id,
    });
  });

/**
 * Naming the référent unique RSA (a social worker of the file's site; may differ from the file's social référent) or
 * the France Travail référent (a partner, by name). The previous one of that kind ends the day the new one starts.
 */
export const setRsaReferent = (ctx: Ctx, fileId: string, memberId: string, input: RsaReferentInput) =>
  ctx.db.transaction().execute(async (trx) => {
    const target = await loadRsaFile(trx, ctx, fileId, true);
    const personId = await personOfFile(trx, fileId, memberId);
    if (input.kind === 'referent_unique' && !(await workerOfSite(trx, input.userId, target.siteId)))
      throw unprocessable('rsa_referent_unknown', 'Le référent unique doit être un travailleur social du site', {
        userId: 'Choisissez un travailleur social du site',
      });
    const row = await replaceRsaReferent(trx, {
      personId,
      caseFileId: fileId,
      kind: input.kind,
      userId: input.kind === 'referent_unique' ? input.userId : null,
      partnerName: input.kind === 'france_travail' ? input.partnerName : null,
      organisme: input.kind === 'france_travail' ? (input.organisme ?? null) : null,
      startOn: input.startOn,
      by: ctx.actor.id,
      at: ctx.now,
    });
    await audit(trx, ctx, 'rsa_referent.set', {
      caseFileId: fileId,
      targetType: 'person',
      targetId: personId,
      diff: { kind: input.kind, startOn: input.startOn },
    });
    return { id: row.id };
  });

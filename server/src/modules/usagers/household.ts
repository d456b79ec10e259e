import {
  canManageReferents,
  canUpdateUsagerSituation,
  type AddMemberInput,
  type EndMemberInput,
  type SetReferentsInput,
} from '@jalon/core';
import { loadAuthorizedUsager } from '../../access/load-authorized.js';
import { audit } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { notFound, unprocessable } from '../../errors.js';
import { refreshSearch } from './queries.js';
import { fileAfterWrite } from './read.js';
import { assertSiteWorker } from './service.js';
import {
  addReferents,
  bumpFileVersion,
  currentReferents,
  endMembership,
  endReferents,
  filesOfHousehold,
  findMemberOfFile,
  householdOfFile,
  insertMember,
  insertPerson,
  openMembershipsOfPerson,
  personKnownOnSite,
} from './write-queries.js';

const dayBefore = (d: string) => new Date(Date.parse(d) - 86_400_000).toISOString().slice(0, 10);

/**
 * Adds a member to the file's household (arrival or birth). A person exists once: an existing person who
 * moves in leaves their current household the day before, and both moves stay dated.
 */
export async function addMember(ctx: Ctx, id: string, input: AddMemberInput) {
  const written = await ctx.db.transaction().execute(async (trx) => {
    const target = await loadAuthorizedUsager(trx, ctx.actor, id, canUpdateUsagerSituation, { write: true });
    const file = await householdOfFile(trx, id);
    let personId = input.personId;
    if (personId) {
      // The person must be known on this site (a member of one of its files), never an arbitrary id.
      if (!(await personKnownOnSite(trx, personId, target.siteId))) throw notFound('Personne');
      const moving = await openMembershipsOfPerson(trx, personId);
      for (const m of moving) {
        if (m.household_id === file.household_id)
          throw unprocessable('already_member', 'Cette personne fait déjà partie du foyer');
        const end = m.start_date > dayBefore(input.startDate) ? m.start_date : dayBefore(input.startDate);
        await endMembership(trx, m.id, end, 'depart');
        for (const o of await filesOfHousehold(trx, m.household_id)) await refreshSearch(trx, o.id);
      }
    } else if (input.person) {
      const p = input.person;
      const row = await insertPerson(trx, {
        birth_name: p.birthName,
        used_name: p.usedName ?? null,
        first_names: p.firstNames,
        sex: p.sex ?? null,
        birth_date: p.birthDate,
      });
      personId = row.id;
    }
    if (!personId) throw unprocessable('member_required', 'Indiquez la personne à ajouter au foyer');
    const member = await insertMember(trx, {
      household_id: file.household_id,
      person_id: personId,
      relationship: input.relationship,
      start_date: input.startDate,
      start_reason: input.reason,
    });
    await bumpFileVersion(trx, id, ctx.now);
    await refreshSearch(trx, id);
    await audit(trx, ctx, 'household.member_add', {
      caseFileId: id,
      targetType: 'household_member',
      targetId: member.id,
      diff: { relationship: { from: null, to: input.relationship }, start_reason: { from: null, to: input.reason } },
    });
    return target;
  });
  return fileAfterWrite(ctx, written);
}

/** Records a departure (or a death): the membership is closed, never deleted. */
export async function endMember(ctx: Ctx, id: string, memberId: string, input: EndMemberInput) {
  const written = await ctx.db.transaction().execute(async (trx) => {
    const target = await loadAuthorizedUsager(trx, ctx.actor, id, canUpdateUsagerSituation, { write: true });
    const m = await findMemberOfFile(trx, memberId, id);
    if (!m) throw notFound('Membre du foyer');
    if (m.end_date) throw unprocessable('already_left', 'Ce départ est déjà enregistré');
    if (m.person_id === m.principal_person_id) {
      throw unprocessable(
        'principal_person',
        'La personne principale du dossier ne peut pas quitter le foyer : clôturez le dossier',
      );
    }
    if (input.endDate < m.start_date) {
      throw unprocessable('end_before_start', 'La date de départ précède la date d’arrivée', {
        endDate: 'Date antérieure à l’arrivée',
      });
    }
    await endMembership(trx, memberId, input.endDate, input.reason);
    await bumpFileVersion(trx, id, ctx.now);
    await refreshSearch(trx, id);
    await audit(trx, ctx, 'household.member_end', {
      caseFileId: id,
      targetType: 'household_member',
      targetId: memberId,
      diff: { end_reason: { from: null, to: input.reason } },
    });
    return target;
  });
  return fileAfterWrite(ctx, written);
}

/** Names the référent and co-référents; previous assignments are closed, so the history is kept. */
export async function setReferents(ctx: Ctx, id: string, input: SetReferentsInput) {
  const written = await ctx.db.transaction().execute(async (trx) => {
    const target = await loadAuthorizedUsager(trx, ctx.actor, id, canManageReferents, { write: true });
    const wanted = new Map<string, 'referent' | 'co_referent'>([[input.referentId, 'referent']]);
    for (const c of input.coReferentIds) wanted.set(c, 'co_referent');
    for (const userId of wanted.keys()) await assertSiteWorker(trx, target.siteId, userId, 'referentId');
    const current = await currentReferents(trx, id);
    const ended = current.filter((c) => wanted.get(c.user_id) !== c.kind);
    await endReferents(
      trx,
      ended.map((c) => c.id),
      ctx.now,
    );
    const kept = new Set(current.filter((c) => wanted.get(c.user_id) === c.kind).map((c) => c.user_id));
    const added = [...wanted].filter(([userId]) => !kept.has(userId));
    await addReferents(trx, id, added, ctx.now);
    await bumpFileVersion(trx, id, ctx.now);
    await audit(trx, ctx, 'usager.referents_set', {
      caseFileId: id,
      targetType: 'case_file',
      targetId: id,
      diff: {
        referents: { from: current.map((c) => `${c.kind}:${c.user_id}`), to: [...wanted].map(([u, k]) => `${k}:${u}`) },
      },
    });
    return target;
  });
  return fileAfterWrite(ctx, written, { relations: true });
}

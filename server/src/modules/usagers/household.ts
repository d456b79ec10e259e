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

const dayBefore = (d: string) => new Date(Date.parse(d) - 86_400_000).toISOString().slice(0, 10);

/**
 * Adds a member to the file's household (arrival or birth). A person exists once: an existing person who
 * moves in leaves their current household the day before, and both moves stay dated.
 */
export async function addMember(ctx: Ctx, id: string, input: AddMemberInput) {
  const written = await ctx.db.transaction().execute(async (trx) => {
    const target = await loadAuthorizedUsager(trx, ctx.actor, id, canUpdateUsagerSituation, { write: true });
    const file = await trx
      .selectFrom('case_file')
      .select(['household_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    let personId = input.personId;
    if (personId) {
      // The person must be known on this site (a member of one of its files), never an arbitrary id.
      const known = await trx
        .selectFrom('household_member as m')
        .innerJoin('case_file as cf', 'cf.household_id', 'm.household_id')
        .select('m.person_id')
        .where('m.person_id', '=', personId)
        .where('cf.site_id', '=', target.siteId)
        .executeTakeFirst();
      if (!known) throw notFound('Personne');
      const moving = await trx
        .selectFrom('household_member')
        .select(['id', 'household_id', 'start_date'])
        .where('person_id', '=', personId)
        .where('end_date', 'is', null)
        .execute();
      for (const m of moving) {
        if (m.household_id === file.household_id)
          throw unprocessable('already_member', 'Cette personne fait déjà partie du foyer');
        const end = m.start_date > dayBefore(input.startDate) ? m.start_date : dayBefore(input.startDate);
        await trx
          .updateTable('household_member')
          .set({ end_date: end, end_reason: 'depart' })
          .where('id', '=', m.id)
          .execute();
        const others = await trx
          .selectFrom('case_file')
          .select('id')
          .where('household_id', '=', m.household_id)
          .execute();
        for (const o of others) await refreshSearch(trx, o.id);
      }
    } else if (input.person) {
      const p = input.person;
      const row = await trx
        .insertInto('person')
        .values({
          birth_name: p.birthName,
          used_name: p.usedName ?? null,
          first_names: p.firstNames,
          sex: p.sex ?? null,
          birth_date: p.birthDate,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      personId = row.id;
    }
    if (!personId) throw unprocessable('member_required', 'Indiquez la personne à ajouter au foyer');
    const member = await trx
      .insertInto('household_member')
      .values({
        household_id: file.household_id,
        person_id: personId,
        relationship: input.relationship,
        start_date: input.startDate,
        start_reason: input.reason,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('case_file')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: ctx.now }))
      .where('id', '=', id)
      .execute();
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
    const m = await trx
      .selectFrom('household_member as m')
      .innerJoin('case_file as cf', 'cf.household_id', 'm.household_id')
      .select(['m.id', 'm.start_date', 'm.end_date', 'm.person_id', 'cf.principal_person_id'])
      .where('m.id', '=', memberId)
      .where('cf.id', '=', id)
      .executeTakeFirst();
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
    await trx
      .updateTable('household_member')
      .set({ end_date: input.endDate, end_reason: input.reason })
      .where('id', '=', memberId)
      .execute();
    await trx
      .updateTable('case_file')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: ctx.now }))
      .where('id', '=', id)
      .execute();
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
    const current = await trx
      .selectFrom('case_file_referent')
      .select(['id', 'user_id', 'kind'])
      .where('case_file_id', '=', id)
      .where('end_at', 'is', null)
      .execute();
    const ended = current.filter((c) => wanted.get(c.user_id) !== c.kind);
    if (ended.length) {
      await trx
        .updateTable('case_file_referent')
        .set({ end_at: ctx.now })
        .where(
          'id',
          'in',
          ended.map((c) => c.id),
        )
        .execute();
    }
    const kept = new Set(current.filter((c) => wanted.get(c.user_id) === c.kind).map((c) => c.user_id));
    const added = [...wanted].filter(([userId]) => !kept.has(userId));
    if (added.length) {
      await trx
        .insertInto('case_file_referent')
        .values(added.map(([userId, kind]) => ({ case_file_id: id, user_id: userId, kind, start_at: ctx.now })))
        .execute();
    }
    await trx
      .updateTable('case_file')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: ctx.now }))
      .where('id', '=', id)
      .execute();
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

import {
  canChangeUsagerStatus,
  canCreateUsager,
  canReadGeneralUsager,
  canUpdateUsagerIdentity,
  canUpdateUsagerSituation,
  type CreateUsagerInput,
  type DuplicateMatchesDto,
  type DuplicateQuery,
  type UpdateUsagerInput,
} from '@jalon/core';
import { loadAuthorizedUsager } from '../../access/load-authorized.js';
import { audit } from '../../audit/audit.js';
import { diffFields } from '../../audit/diff.js';
import type { Ctx } from '../../context.js';
import type { Queryable } from '../../db/schema.js';
import { conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { findSiteProfile } from '../sections/queries.js';
import { findLikelyDuplicates, hasDuplicates, overriddenDuplicates } from './duplicates.js';
import { assertFieldsInProfile } from './field-profile.js';
import { filesOfPerson, nextFileNumber, refreshSearch } from './queries.js';
import { getUsager } from './read.js';

const today = (now: Date) => now.toISOString().slice(0, 10);

/** The team must be one of the actor's site; the référent an active social worker of that site. */
async function checkAssignment(trx: Queryable, ctx: Ctx, teamId: string | undefined, referentId: string | undefined) {
  const siteId = ctx.actor.siteId ?? '';
  let team = teamId ?? ctx.actor.teamIds[0];
  if (team) {
    const found = await trx
      .selectFrom('team')
      .select('id')
      .where('id', '=', team)
      .where('site_id', '=', siteId)
      .executeTakeFirst();
    if (!found)
      throw unprocessable('invalid_team', 'Équipe inconnue sur votre site', {
        teamId: 'Équipe inconnue sur votre site',
      });
  } else {
    team = (await trx.selectFrom('team').select('id').where('site_id', '=', siteId).orderBy('name').executeTakeFirst())
      ?.id;
  }
  const referent = referentId ?? (ctx.actor.role === 'travailleur_social' ? ctx.actor.id : undefined);
  if (referent) await assertSiteWorker(trx, siteId, referent, 'referentId');
  return { teamId: team ?? null, referentId: referent ?? null };
}

export async function assertSiteWorker(trx: Queryable, siteId: string, userId: string, field: string): Promise<void> {
  const ok = await trx
    .selectFrom('app_user')
    .select('id')
    .where('id', '=', userId)
    .where('site_id', '=', siteId)
    .where('role', '=', 'travailleur_social')
    .where('active', '=', true)
    .executeTakeFirst();
  if (!ok) {
    throw unprocessable('invalid_referent', 'Le référent doit être un travailleur social actif de votre site', {
      [field]: 'Travailleur social inconnu sur ce site',
    });
  }
}

/**
 * Opens a file: a person, their household (dated membership as reference person) and the case file. Likely duplicates
 * stop it (docs/security.md, "Duplicates") unless `confirmDuplicate`; the audit row then names the files overridden.
 */
export async function createUsager(
  ctx: Ctx,
  input: CreateUsagerInput,
): Promise<{ id: string; fileNumber: string } | { duplicates: DuplicateMatchesDto }> {
  if (!canCreateUsager(ctx.actor) || !ctx.actor.siteId)
    throw forbidden('Votre profil ne permet pas de créer un dossier');
  const siteId = ctx.actor.siteId;
  if (!input.confirmDuplicate) {
    const duplicates = await findLikelyDuplicates(ctx, siteId, input);
    if (hasDuplicates(duplicates)) return { duplicates };
  }
  const overridden = input.confirmDuplicate ? await overriddenDuplicates(ctx, siteId, input) : [];
  return ctx.db.transaction().execute(async (trx) => {
    assertFieldsInProfile(await findSiteProfile(trx, siteId), {
      'identifiers.cafNumber': input.cafNumber,
      'identifiers.franceTravailId': input.franceTravailId,
      'situation.nationality': input.nationality,
      'situation.cafActivity': input.cafActivity,
      'household.housingNature': input.housingNature,
    });
    const { teamId, referentId } = await checkAssignment(trx, ctx, input.teamId, input.referentId);
    const personValues = {
      birth_name: input.birthName,
      used_name: input.usedName ?? null,
      first_names: input.firstNames,
      sex: input.sex ?? null,
      birth_date: input.birthDate,
      birth_place: input.birthPlace ?? null,
      nationality: input.nationality,
      marital_status: input.maritalStatus,
      phone: input.phone ?? null,
      email: input.email ?? null,
      caf_number: input.cafNumber ?? null,
      france_travail_id: input.franceTravailId ?? null,
      employment_status: input.employmentStatus,
      caf_activity: input.cafActivity,
      education_level: input.educationLevel,
    };
    const person = await trx.insertInto('person').values(personValues).returning('id').executeTakeFirstOrThrow();
    const householdValues = {
      address_line: input.domiciliation ? null : (input.addressLine ?? null),
      postal_code: input.postalCode ?? null,
      city: input.city ?? null,
      domiciliation: input.domiciliation,
      domiciliation_organism: input.domiciliation ? (input.domiciliationOrganism ?? null) : null,
      housing_status: input.housingStatus,
      housing_nature: input.housingNature,
      family_type: input.familyType,
    };
    const household = await trx
      .insertInto('household')
      .values(householdValues)
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('household_member')
      .values({
        household_id: household.id,
        person_id: person.id,
        relationship: '1',
        start_date: today(ctx.now),
        start_reason: 'ouverture',
      })
      .execute();
    const fileNumber = await nextFileNumber(trx, ctx.now);
    const file = await trx
      .insertInto('case_file')
      .values({
        file_number: fileNumber,
        household_id: household.id,
        principal_person_id: person.id,
        site_id: siteId,
        team_id: teamId,
        opened_at: ctx.now,
        // Opening a file happens during a contact: it starts the retention clock and "Ma file active".
        last_contact_at: ctx.now,
        created_by: ctx.actor.id,
        updated_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (referentId) {
      await trx
        .insertInto('case_file_referent')
        .values({ case_file_id: file.id, user_id: referentId, kind: 'referent', start_at: ctx.now })
        .execute();
    }
    await refreshSearch(trx, file.id);
    await audit(trx, ctx, 'usager.create', {
      caseFileId: file.id,
      targetType: 'case_file',
      targetId: file.id,
      diff: {
        ...diffFields({}, { ...personValues, ...householdValues, team_id: teamId, referent_id: referentId }),
        ...(overridden.length ? { duplicates_overridden: { from: null, to: overridden } } : {}),
      },
    });
    return { id: file.id, fileNumber };
  });
}

const defined = <T extends Record<string, unknown>>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** PATCH by sections: each section needs its own ability; a stale version is refused so no edit is lost. */
export async function updateUsager(ctx: Ctx, id: string, input: UpdateUsagerInput) {
  await ctx.db.transaction().execute(async (trx) => {
    const target = await loadAuthorizedUsager(trx, ctx.actor, id, canReadGeneralUsager);
    const needsIdentity = Boolean(input.identity || input.contact);
    const needsSituation = Boolean(input.identifiers || input.situation || input.household);
    if (needsIdentity && !canUpdateUsagerIdentity(ctx.actor, target))
      throw forbidden('Vous ne pouvez pas modifier l’identité de ce dossier');
    if (needsSituation && !canUpdateUsagerSituation(ctx.actor, target))
      throw forbidden('Vous ne pouvez pas modifier la situation de ce dossier');
    if (input.status && !canChangeUsagerStatus(ctx.actor, target))
      throw forbidden('Vous ne pouvez pas clore ou rouvrir ce dossier');
    assertFieldsInProfile(await findSiteProfile(trx, target.siteId), {
      'identifiers.cafNumber': input.identifiers?.cafNumber,
      'identifiers.franceTravailId': input.identifiers?.franceTravailId,
      'situation.nationality': input.situation?.nationality,
      'situation.cafActivity': input.situation?.cafActivity,
      'household.housingNature': input.household?.housingNature,
    });

    const file = await trx
      .selectFrom('case_file')
      .select(['principal_person_id', 'household_id', 'version', 'status', 'closing_reason'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!file) throw notFound('Dossier');
    if (input.version !== undefined && input.version !== file.version) {
      throw conflict(
        'version_conflict',
        'Ce dossier a été modifié entre-temps par quelqu’un d’autre : rechargez-le, vos saisies sont conservées dans le formulaire.',
      );
    }
    const i = input.identity ?? {};
    const c = input.contact ?? {};
    const personSet = defined({
      birth_name: i.birthName,
      used_name: i.usedName,
      first_names: i.firstNames,
      sex: i.sex,
      birth_date: i.birthDate,
      birth_place: i.birthPlace,
      phone: c.phone,
      email: c.email,
      caf_number: input.identifiers?.cafNumber,
      france_travail_id: input.identifiers?.franceTravailId,
      nationality: input.situation?.nationality,
      marital_status: input.situation?.maritalStatus,
      employment_status: input.situation?.employmentStatus,
      caf_activity: input.situation?.cafActivity,
      education_level: input.situation?.educationLevel,
    });
    const householdSet = defined({
      address_line: c.addressLine,
      postal_code: c.postalCode,
      city: c.city,
      domiciliation: c.domiciliation,
      domiciliation_organism: c.domiciliationOrganism,
      housing_status: input.household?.housingStatus,
      housing_nature: input.household?.housingNature,
      family_type: input.household?.familyType,
    });
    const fileSet = defined({
      status: input.status,
      closing_reason:
        input.status === 'clos' ? (input.closingReason ?? null) : input.status === 'actif' ? null : undefined,
      closed_at: input.status === 'clos' ? ctx.now : input.status === 'actif' ? null : undefined,
    });
    let diff = {};
    if (Object.keys(personSet).length) {
      const before = await trx
        .selectFrom('person')
        .select(Object.keys(personSet) as never[])
        .where('id', '=', file.principal_person_id)
        .executeTakeFirstOrThrow();
      diff = { ...diff, ...diffFields(before, personSet) };
      await trx
        .updateTable('person')
        .set({ ...personSet, updated_at: ctx.now })
        .where('id', '=', file.principal_person_id)
        .execute();
    }
    if (Object.keys(householdSet).length) {
      const before = await trx
        .selectFrom('household')
        .select(Object.keys(householdSet) as never[])
        .where('id', '=', file.household_id)
        .executeTakeFirstOrThrow();
      diff = { ...diff, ...diffFields(before, householdSet) };
      await trx
        .updateTable('household')
        .set({ ...householdSet, updated_at: ctx.now })
        .where('id', '=', file.household_id)
        .execute();
    }
    diff = { ...diff, ...diffFields({ status: file.status, closing_reason: file.closing_reason }, fileSet) };
    await trx
      .updateTable('case_file')
      .set({ ...fileSet, version: file.version + 1, updated_at: ctx.now })
      .where('id', '=', id)
      .execute();
    if (
      personSet.birth_name !== undefined ||
      personSet.used_name !== undefined ||
      personSet.first_names !== undefined ||
      personSet.birth_date !== undefined
    ) {
      for (const f of await filesOfPerson(trx, file.principal_person_id)) await refreshSearch(trx, f);
    }
    await audit(trx, ctx, input.status ? `usager.${input.status === 'clos' ? 'close' : 'reopen'}` : 'usager.update', {
      caseFileId: id,
      targetType: 'case_file',
      targetId: id,
      diff,
    });
  });
  return getUsager(ctx, id);
}

/** GET /api/usagers/duplicates: what the creation form shows before a file is created (same rules as the 409). */
export async function previewDuplicates(ctx: Ctx, q: DuplicateQuery): Promise<DuplicateMatchesDto> {
  if (!canCreateUsager(ctx.actor) || !ctx.actor.siteId)
    throw forbidden('Votre profil ne permet pas de créer un dossier');
  return findLikelyDuplicates(ctx, ctx.actor.siteId, q);
}

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
  type CreatedUsagerDto,
} from '@jalon/core';
import { assertWritable, loadAuthorizedUsager } from '../../access/load-authorized.js';
import { audit } from '../../audit/audit.js';
import { diffFields } from '../../audit/diff.js';
import type { Ctx } from '../../context.js';
import type { Queryable } from '../../db/schema.js';
import { conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { findSiteProfile } from '../sections/index.js';
import { findLikelyDuplicates, hasDuplicates, overriddenDuplicates } from './duplicates.js';
import { assertFieldsInProfile } from './field-profile.js';
import { filesOfPerson, nextFileNumber, refreshSearch } from './queries.js';
import { fileAfterWrite } from './read.js';
import {
  activeWorkerOfSite,
  addReferents,
  findEditableHousehold,
  findEditablePerson,
  firstTeamOfSite,
  insertCaseFile,
  insertHousehold,
  insertMember,
  insertPerson,
  lockCaseFile,
  teamOfSite,
  updateCaseFile,
  updateHousehold,
  updatePerson,
} from './write-queries.js';

const today = (now: Date) => now.toISOString().slice(0, 10);

/** The team must be one of the actor's site; the référent an active social worker of that site. */
async function checkAssignment(trx: Queryable, ctx: Ctx, teamId: string | undefined, referentId: string | undefined) {
  const siteId = ctx.actor.siteId ?? '';
  let team = teamId ?? ctx.actor.teamIds[0];
  if (team) {
    if (!(await teamOfSite(trx, team, siteId)))
      throw unprocessable('invalid_team', 'Équipe inconnue sur votre site', {
        teamId: 'Équipe inconnue sur votre site',
      });
  } else {
    team = (await firstTeamOfSite(trx, siteId))?.id;
  }
  const referent = referentId ?? (ctx.actor.role === 'travailleur_social' ? ctx.actor.id : undefined);
  if (referent) await assertSiteWorker(trx, siteId, referent, 'referentId');
  return { teamId: team ?? null, referentId: referent ?? null };
}

export async function assertSiteWorker(trx: Queryable, siteId: string, userId: string, field: string): Promise<void> {
  if (!(await activeWorkerOfSite(trx, siteId, userId))) {
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
): Promise<CreatedUsagerDto | { duplicates: DuplicateMatchesDto }> {
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
    const person = await insertPerson(trx, personValues);
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
    const household = await insertHousehold(trx, householdValues);
    await insertMember(trx, {
      household_id: household.id,
      person_id: person.id,
      relationship: '1',
      start_date: today(ctx.now),
      start_reason: 'ouverture',
    });
    const fileNumber = await nextFileNumber(trx, ctx.now);
    const file = await insertCaseFile(trx, {
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
    });
    if (referentId) await addReferents(trx, file.id, [[referentId, 'referent']], ctx.now);
    await refreshSearch(trx, file.id);
    await audit(trx, ctx, 'usager.create', {
      caseFileId: file.id,
      targetType: 'case_file',
      targetId: file.id,
      diff: {
        ...diffFields(
          'usager.create',
          {},
          { ...personValues, ...householdValues, team_id: teamId, referent_id: referentId },
        ),
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
  const written = await ctx.db.transaction().execute(async (trx) => {
    const target = await loadAuthorizedUsager(trx, ctx.actor, id, canReadGeneralUsager);
    const needsIdentity = Boolean(input.identity || input.contact);
    const needsSituation = Boolean(input.identifiers || input.situation || input.household);
    if (needsIdentity && !canUpdateUsagerIdentity(ctx.actor, target))
      throw forbidden('Vous ne pouvez pas modifier l’identité de ce dossier');
    if (needsSituation && !canUpdateUsagerSituation(ctx.actor, target))
      throw forbidden('Vous ne pouvez pas modifier la situation de ce dossier');
    if (input.status && !canChangeUsagerStatus(ctx.actor, target))
      throw forbidden('Vous ne pouvez pas clore ou rouvrir ce dossier');
    assertWritable(target);
    assertFieldsInProfile(await findSiteProfile(trx, target.siteId), {
      'identifiers.cafNumber': input.identifiers?.cafNumber,
      'identifiers.franceTravailId': input.identifiers?.franceTravailId,
      'situation.nationality': input.situation?.nationality,
      'situation.cafActivity': input.situation?.cafActivity,
      'household.housingNature': input.household?.housingNature,
    });

    const file = await lockCaseFile(trx, id);
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
    const action = input.status ? (input.status === 'clos' ? 'usager.close' : 'usager.reopen') : 'usager.update';
    let diff = {};
    if (Object.keys(personSet).length) {
      const before = await findEditablePerson(trx, file.principal_person_id);
      diff = { ...diff, ...diffFields(action, before, personSet) };
      await updatePerson(trx, file.principal_person_id, { ...personSet, updated_at: ctx.now });
    }
    if (Object.keys(householdSet).length) {
      const before = await findEditableHousehold(trx, file.household_id);
      diff = { ...diff, ...diffFields(action, before, householdSet) };
      await updateHousehold(trx, file.household_id, { ...householdSet, updated_at: ctx.now });
    }
    diff = { ...diff, ...diffFields(action, { status: file.status, closing_reason: file.closing_reason }, fileSet) };
    await updateCaseFile(trx, id, { ...fileSet, version: file.version + 1, updated_at: ctx.now });
    if (
      personSet.birth_name !== undefined ||
      personSet.used_name !== undefined ||
      personSet.first_names !== undefined ||
      personSet.birth_date !== undefined
    ) {
      for (const f of await filesOfPerson(trx, file.principal_person_id)) await refreshSearch(trx, f);
    }
    await audit(trx, ctx, action, {
      caseFileId: id,
      targetType: 'case_file',
      targetId: id,
      diff,
    });
    return target;
  });
  return fileAfterWrite(ctx, written);
}

/** GET /api/usagers/duplicates: what the creation form shows before a file is created (same rules as the 409). */
export async function previewDuplicates(ctx: Ctx, q: DuplicateQuery): Promise<DuplicateMatchesDto> {
  if (!canCreateUsager(ctx.actor) || !ctx.actor.siteId)
    throw forbidden('Votre profil ne permet pas de créer un dossier');
  return findLikelyDuplicates(ctx, ctx.actor.siteId, q);
}

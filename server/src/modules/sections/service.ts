import {
  canListSensitiveSections,
  canOpenSensitiveSection,
  canReadSensitiveSection,
  canWriteSensitiveSection,
  followsUsager,
  sectionsOfProfile,
  type OpenSectionInput,
  type SectionContentDto,
  type SectionsDto,
  type SectionStatusDto,
  type SensitiveSection,
} from '@jalon/core';
import { assertWritable } from '../../access/load-authorized.js';
import { assertSectionAccess, loadAuthorizedSection, loadAuthorizedSections } from '../../access/load-section.js';
import { audit, logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { openText, sealText } from '../../crypto/index.js';
import { conflict } from '../../errors.js';
import { presentContent, presentStatus } from './present.js';
import {
  findOpenedSections,
  findSection,
  insertOpenedSection,
  payloadAad,
  reasonAad,
  updateSectionPayload,
} from './queries.js';

/** The sections the site's profile offers, each closed or with its opening mention; the read is logged. */
export async function listSections(ctx: Ctx, fileId: string): Promise<SectionsDto> {
  const { target, profile } = await loadAuthorizedSections(ctx.db, ctx.actor, fileId, canListSensitiveSections);
  const opened = new Map((await findOpenedSections(ctx.db, fileId)).map((r) => [r.section, r]));
  await logAccess(ctx.db, ctx, fileId, 'sections');
  // The reason's free text stays with those who read the section; the others see that it is open, and by whom.
  const readable = (s: SensitiveSection) =>
    canReadSensitiveSection(ctx.actor, target, { openedById: opened.get(s)?.opened_by ?? null });
  return {
    profile,
    items: sectionsOfProfile(profile).map((s) => presentStatus(fileId, s, opened.get(s), readable(s))),
    can: { open: canOpenSensitiveSection(ctx.actor, target), write: followsUsager(ctx.actor, target) },
  };
}

/** Opening a section: a reason (list + text), one row, and its audit row in the same transaction. */
export const openSection = (
  ctx: Ctx,
  fileId: string,
  section: string,
  input: OpenSectionInput,
): Promise<SectionStatusDto> =>
  ctx.db.transaction().execute(async (trx) => {
    const { section: s } = await loadAuthorizedSection(trx, ctx.actor, fileId, section, canOpenSensitiveSection);
    if (await findSection(trx, fileId, s))
      throw conflict('section_already_open', 'Cette section est déjà ouverte sur ce dossier');
    const row = await insertOpenedSection(trx, {
      fileId,
      section: s,
      now: ctx.now,
      by: ctx.actor.id,
      reasonCode: input.reasonCode,
      reasonText: sealText(input.reasonText, reasonAad(fileId, s)),
    });
    if (!row) throw conflict('section_already_open', 'Cette section est déjà ouverte sur ce dossier');
    // The audit keeps the section and the reason code; the free text stays in the sealed row.
    await audit(trx, ctx, 'case_file_section.open', {
      caseFileId: fileId,
      targetType: 'case_file_section',
      targetId: row.id,
      diff: { section: s, reasonCode: input.reasonCode },
    });
    const opened = (await findOpenedSections(trx, fileId)).find((r) => r.section === s);
    return presentStatus(fileId, s, opened);
  });

const parsePayload = (fileId: string, s: SensitiveSection, stored: string | null): Record<string, unknown> =>
  stored === null ? {} : (JSON.parse(openText(stored, payloadAad(fileId, s))) as Record<string, unknown>);

/** A section's content; reading an open section leaves an access-log row naming it. */
export async function readSection(ctx: Ctx, fileId: string, section: string): Promise<SectionContentDto> {
  const { target, section: s } = await loadAuthorizedSection(
    ctx.db,
    ctx.actor,
    fileId,
    section,
    canListSensitiveSections,
  );
  const row = await findSection(ctx.db, fileId, s);
  assertSectionAccess(ctx.actor, target, row?.opened_by ?? null, canReadSensitiveSection);
  if (!row) return presentContent(s, undefined, null);
  await logAccess(ctx.db, ctx, fileId, `section_${s}`);
  return presentContent(s, row, parsePayload(fileId, s, row.payload));
}

/** Replaces the section's content (optimistic lock on `version`); the audit names the changed fields, never values. */
export const updateSection = (
  ctx: Ctx,
  fileId: string,
  section: string,
  input: { version: number; data: Record<string, unknown> },
) =>
  ctx.db.transaction().execute(async (trx) => {
    const { target, section: s } = await loadAuthorizedSection(trx, ctx.actor, fileId, section, followsUsager);
    const row = await findSection(trx, fileId, s);
    if (!row) throw conflict('section_closed', 'Ouvrez d’abord cette section (avec un motif) avant de la renseigner');
    assertSectionAccess(ctx.actor, target, row.opened_by, canWriteSensitiveSection);
    assertWritable(target);
    if (row.version !== input.version)
      throw conflict('version_conflict', 'La section a été modifiée entre-temps : rechargez-la avant d’enregistrer');
    const before = parsePayload(fileId, s, row.payload);
    const keys = new Set([...Object.keys(before), ...Object.keys(input.data)]);
    const changed = [...keys]
      .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(input.data[k] ?? null))
      .sort();
    const updated = await updateSectionPayload(trx, row, {
      payload: sealText(JSON.stringify(input.data), payloadAad(fileId, s)),
      now: ctx.now,
      by: ctx.actor.id,
    });
    if (!updated)
      throw conflict('version_conflict', 'La section a été modifiée entre-temps : rechargez-la avant d’enregistrer');
    await audit(trx, ctx, 'case_file_section.update', {
      caseFileId: fileId,
      targetType: 'case_file_section',
      targetId: row.id,
      diff: { section: s, changed },
    });
    return presentContent(s, updated, input.data);
  });

import type { SensitiveSection, SiteProfile } from '@jalon/core';
import type { Queryable, Trx } from '../../db/schema.js';

/** AAD of the sealed columns: a value moved to another file or section no longer opens (crypto/fields.ts). */
export const payloadAad = (fileId: string, section: string) => `case_file_section.payload:${fileId}:${section}`;
export const reasonAad = (fileId: string, section: string) => `case_file_section.reason_text:${fileId}:${section}`;

export async function findSiteProfile(db: Queryable, siteId: string): Promise<SiteProfile> {
  const row = await db.selectFrom('site').select('profile').where('id', '=', siteId).executeTakeFirstOrThrow();
  return row.profile;
}

/** The opened sections of a file with who opened them: no payload (the list never reads section content). */
export const findOpenedSections = (db: Queryable, fileId: string) =>
  db
    .selectFrom('case_file_section as s')
    .innerJoin('app_user as u', 'u.id', 's.opened_by')
    .select([
      's.section',
      's.opened_at',
      's.opened_by',
      's.reason_code',
      's.reason_text',
      'u.display_name as opened_by_name',
    ])
    .where('s.case_file_id', '=', fileId)
    .execute();

export const findSection = (db: Queryable, fileId: string, section: SensitiveSection) =>
  db
    .selectFrom('case_file_section')
    .select(['id', 'opened_by', 'payload', 'version', 'updated_at'])
    .where('case_file_id', '=', fileId)
    .where('section', '=', section)
    .executeTakeFirst();

/** Anonymisation of a file (docs/adr/005-retention-anonymisation.md): its sensitive sections go entirely. */
export async function deleteSectionsOfFile(trx: Trx, fileId: string): Promise<void> {
  await trx.deleteFrom('case_file_section').where('case_file_id', '=', fileId).execute();
}

/** The file's sections (or only those asked for), sealed columns as stored, for the exports. */
export const findSectionsForExport = (db: Queryable, fileId: string, only?: readonly SensitiveSection[]) =>
  db
    .selectFrom('case_file_section')
    .select(['section', 'opened_at', 'opened_by', 'reason_code', 'reason_text', 'payload', 'updated_at'])
    .where('case_file_id', '=', fileId)
    .$if(only !== undefined, (q) => q.where('section', 'in', [...(only ?? [])]))
    .execute();

/** Opens a section (sealed reason); undefined when another request opened it first. */
export const insertOpenedSection = (
  trx: Queryable,
  v: { fileId: string; section: SensitiveSection; now: Date; by: string; reasonCode: string; reasonText: string },
) =>
  trx
    .insertInto('case_file_section')
    .values({
      case_file_id: v.fileId,
      section: v.section,
      opened_at: v.now,
      opened_by: v.by,
      reason_code: v.reasonCode,
      reason_text: v.reasonText,
    })
    .onConflict((oc) => oc.columns(['case_file_id', 'section']).doNothing())
    .returning('id')
    .executeTakeFirst();

/** Saves the sealed payload if the row is still at `version`; undefined when another write came first. */
export const updateSectionPayload = (
  trx: Queryable,
  row: { id: string; version: number },
  v: { payload: string; now: Date; by: string },
) =>
  trx
    .updateTable('case_file_section')
    .set({ payload: v.payload, version: row.version + 1, updated_at: v.now, updated_by: v.by })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .returning(['version', 'updated_at'])
    .executeTakeFirst();

export const lockSiteProfile = (trx: Queryable, siteId: string) =>
  trx.selectFrom('site').select('profile').where('id', '=', siteId).forUpdate().executeTakeFirst();

export async function setSiteProfileRow(trx: Queryable, siteId: string, profile: SiteProfile): Promise<void> {
  await trx.updateTable('site').set({ profile }).where('id', '=', siteId).execute();
}

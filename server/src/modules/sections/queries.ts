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

import type { SensitiveSection } from '@jalon/core';
import type { Queryable, Trx } from '../../db/schema.js';

/** Shares and consents of one file (explicit columns, style rule 9). */
export const listShares = (db: Queryable, caseFileId: string) =>
  db
    .selectFrom('file_share as s')
    .innerJoin('app_user as u', 'u.id', 's.created_by')
    .select([
      's.id',
      's.recipient_name',
      's.recipient_organisation',
      's.legal_ground',
      's.consent_id',
      's.sections',
      's.shared_on',
      's.person_informed',
      's.not_informed_reason',
      's.created_at',
      'u.display_name as created_by_name',
    ])
    .where('s.case_file_id', '=', caseFileId)
    .orderBy('s.shared_on', 'desc')
    .orderBy('s.created_at', 'desc')
    .execute();
export type ShareRow = Awaited<ReturnType<typeof listShares>>[number];

export const findShare = (db: Queryable, caseFileId: string, shareId: string) =>
  db
    .selectFrom('file_share as s')
    .innerJoin('app_user as u', 'u.id', 's.created_by')
    .select([
      's.id',
      's.recipient_name',
      's.recipient_organisation',
      's.legal_ground',
      's.consent_id',
      's.sections',
      's.shared_on',
      's.person_informed',
      's.not_informed_reason',
      's.created_at',
      'u.display_name as created_by_name',
    ])
    .where('s.case_file_id', '=', caseFileId)
    .where('s.id', '=', shareId)
    .executeTakeFirst();

export const listConsents = (db: Queryable, caseFileId: string) =>
  db
    .selectFrom('consent')
    .select(['id', 'purpose', 'recipient', 'given_on', 'withdrawn_on', 'created_at'])
    .where('case_file_id', '=', caseFileId)
    .orderBy('given_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
export type ConsentRow = Awaited<ReturnType<typeof listConsents>>[number];

export const findConsent = (db: Queryable, caseFileId: string, consentId: string) =>
  db
    .selectFrom('consent')
    .select(['id', 'purpose', 'recipient', 'given_on', 'withdrawn_on', 'created_at'])
    .where('case_file_id', '=', caseFileId)
    .where('id', '=', consentId)
    .executeTakeFirst();

/** The file's journal for an extract: dates, types and motifs, never the notes. */
export const journalForExtract = (db: Queryable, caseFileId: string) =>
  db
    .selectFrom('journal_entry')
    .select(['occurred_at', 'type', 'motifs'])
    .where('case_file_id', '=', caseFileId)
    .where('deleted_at', 'is', null)
    .orderBy('occurred_at', 'desc')
    .limit(500)
    .execute();

/** Who opened each of these sensitive sections of the file (open ones only): the section's access rule needs it. */
export async function findSectionOpeners(db: Queryable, fileId: string, sections: readonly SensitiveSection[]) {
  if (!sections.length) return new Map<SensitiveSection, string>();
  const rows = await db
    .selectFrom('case_file_section')
    .select(['section', 'opened_by'])
    .where('case_file_id', '=', fileId)
    .where('section', 'in', [...sections])
    .execute();
  return new Map(rows.map((r) => [r.section, r.opened_by]));
}

/** Anonymisation of a file (docs/adr/005-retention-anonymisation.md): who received a share and why, and consents' free texts, go. */
export async function anonymiseSharesOfFile(trx: Trx, fileId: string): Promise<void> {
  await trx
    .updateTable('file_share')
    .set({ recipient_name: null, not_informed_reason: null })
    .where('case_file_id', '=', fileId)
    .execute();
  await trx.updateTable('consent').set({ purpose: null, recipient: null }).where('case_file_id', '=', fileId).execute();
}

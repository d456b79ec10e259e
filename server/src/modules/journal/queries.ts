import type { Actor } from '@jalon/core';
import { SECRETARY_ENTRY_TYPES } from '@jalon/core';
import { aadOf } from '../../crypto/index.js';
import type { Queryable } from '../../db/schema.js';

/** Where a note lives, bound into its encryption (crypto/sealed-columns.ts lists the same two columns). */
export const entryNoteAad = (entryId: string) => aadOf('journal_entry', 'note', entryId);
export const versionNoteAad = (entryId: string, version: number) =>
  aadOf('journal_entry_version', 'note', entryId, version);

export const entryColumns = [
  'e.id',
  'e.case_file_id',
  'e.type',
  'e.occurred_at',
  'e.duration_minutes',
  'e.place',
  'e.motifs',
  'e.note',
  'e.visibility',
  'e.author_id',
  'e.appointment_worker_id',
  'e.appointment_status',
  'e.partner_id',
  'e.orientation_reason',
  'e.orientation_outcome',
  'e.version',
  'e.created_at',
  'e.updated_at',
] as const;

/** Entries of a file with their names and the persons and workers concerned; not deleted. */
export const entriesOfFile = (db: Queryable, caseFileId: string) =>
  db
    .selectFrom('journal_entry as e')
    .innerJoin('app_user as author', 'author.id', 'e.author_id')
    .leftJoin('app_user as w', 'w.id', 'e.appointment_worker_id')
    .leftJoin('partner as p', 'p.id', 'e.partner_id')
    .select([
      ...entryColumns,
      'author.display_name as author_name',
      'w.display_name as worker_name',
      'p.name as partner_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('journal_entry_worker as jw')
        .whereRef('jw.entry_id', '=', 'e.id')
        .select((sb) => sb.fn.agg<string[]>('array_agg', ['jw.user_id']).as('x'))
        .as('worker_ids'),
    )
    .select((eb) =>
      eb
        .selectFrom('journal_entry_person as jp')
        .whereRef('jp.entry_id', '=', 'e.id')
        .select((sb) => sb.fn.agg<string[]>('array_agg', ['jp.person_id']).as('x'))
        .as('person_ids'),
    )
    .where('e.case_file_id', '=', caseFileId)
    .where('e.deleted_at', 'is', null);

/** One entry of the given file. */
export const findEntry = (db: Queryable, caseFileId: string, entryId: string) =>
  entriesOfFile(db, caseFileId).where('e.id', '=', entryId);
export type EntryRow = NonNullable<Awaited<ReturnType<ReturnType<typeof findEntry>['executeTakeFirst']>>>;

/**
 * Scope of the timeline (style rule 2): everything for those who read the whole file; for a secretary of the site
 * the reception and appointments only; for anyone else only the entries they wrote.
 */
export const timelineScope = (actor: Actor, readFull: boolean, secretaryOfSite: boolean) =>
  readFull
    ? null
    : secretaryOfSite
      ? { types: [...SECRETARY_ENTRY_TYPES], authorId: actor.id }
      : { types: [] as string[], authorId: actor.id };

/** Moves the file's "date du dernier contact" forward (retention depends on it). */
export async function touchLastContact(db: Queryable, caseFileId: string, at: Date): Promise<void> {
  await db
    .updateTable('case_file')
    .set((eb) => ({
      last_contact_at: eb.fn('greatest', [eb.fn.coalesce('last_contact_at', eb.val(at)), eb.val(at)]),
    }))
    .where('id', '=', caseFileId)
    .execute();
}

import type { Actor, EntryType } from '@jalon/core';
import { SECRETARY_ENTRY_TYPES } from '@jalon/core';
import { aadOf } from '../../crypto/index.js';
import { sql } from 'kysely';
import type { Insertable, Updateable } from 'kysely';
import type { PartnerTable, Queryable, Trx } from '../../db/schema.js';

/** Where a note lives, bound into its encryption (the journal's descriptor, index.ts, declares the same two columns). */
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
      : { types: [] as EntryType[], authorId: actor.id };

/**
 * One page of the timeline (journal/read.ts), newest first, keyset on (occurred_at, id): the entries within the scope,
 * of the type and motif when given, before the given entry.
 */
export const timelinePage = (
  db: Queryable,
  caseFileId: string,
  scope: ReturnType<typeof timelineScope>,
  q: {
    type?: EntryType | undefined;
    motif?: string | undefined;
    before?: { at: Date; id: string } | undefined;
    limit: number;
  },
) =>
  entriesOfFile(db, caseFileId)
    .$if(scope !== null, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('e.author_id', '=', scope?.authorId ?? ''),
          ...(scope?.types.length ? [eb('e.type', 'in', scope.types)] : []),
        ]),
      ),
    )
    .$if(Boolean(q.type), (qb) => qb.where('e.type', '=', q.type as EntryType))
    .$if(Boolean(q.motif), (qb) => qb.where(sql<boolean>`${q.motif ?? ''} = any(e.motifs)`))
    .$if(Boolean(q.before), (qb) =>
      qb.where(sql<boolean>`(e.occurred_at, e.id) < (${q.before?.at ?? new Date(0)}, ${q.before?.id ?? ''}::uuid)`),
    )
    .orderBy('e.occurred_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(q.limit)
    .execute();

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

/**
 * The journal's step of a file's anonymisation (docs/adr/005-retention-anonymisation.md): note versions, persons and
 * workers of entries go; entries keep their type, motifs and month (the statistics count them), nothing else.
 */
export async function anonymiseJournalOfFile(trx: Trx, fileId: string): Promise<{ entries: number }> {
  const entries = trx.selectFrom('journal_entry').select('id').where('case_file_id', '=', fileId);
  await trx.deleteFrom('journal_entry_version').where('entry_id', 'in', entries).execute();
  await trx.deleteFrom('journal_entry_person').where('entry_id', 'in', entries).execute();
  await trx.deleteFrom('journal_entry_worker').where('entry_id', 'in', entries).execute();
  const updated = await sql`
    update journal_entry set note = null, place = null, duration_minutes = null, orientation_reason = null, orientation_outcome = null,
      deleted_reason = null, partner_id = null, appointment_worker_id = null,
      occurred_at = (date_trunc('month', occurred_at at time zone 'Europe/Paris') + interval '12 hours') at time zone 'Europe/Paris'
    where case_file_id = ${fileId}`.execute(trx);
  return { entries: Number(updated.numAffectedRows ?? 0n) };
}

// The motif catalogue and the partner directory (journal/catalogue.ts).

export const motifCodeLabels = (db: Queryable) => db.selectFrom('motif').select(['code', 'label']).execute();

export const listMotifs = (db: Queryable) =>
  db.selectFrom('motif').select(['code', 'label', 'active']).orderBy('position').orderBy('label').execute();

export const motifExists = (db: Queryable, code: string) =>
  db.selectFrom('motif').select('code').where('code', '=', code).executeTakeFirst();

/** A new motif, placed after the others. */
export async function insertMotif(db: Queryable, values: { code: string; label: string; active?: boolean }) {
  const max = await db
    .selectFrom('motif')
    .select((eb) => eb.fn.max('position').as('m'))
    .executeTakeFirst();
  return db
    .insertInto('motif')
    .values({ ...values, position: Number(max?.m ?? 0) + 1 })
    .returning(['code', 'label', 'active'])
    .executeTakeFirstOrThrow();
}

export const findMotif = (db: Queryable, code: string) =>
  db.selectFrom('motif').select(['label', 'active']).where('code', '=', code).executeTakeFirst();

export const updateMotifRow = (db: Queryable, code: string, set: { label?: string; active?: boolean }) =>
  db
    .updateTable('motif')
    .set(set)
    .where('code', '=', code)
    .returning(['code', 'label', 'active'])
    .executeTakeFirstOrThrow();

const partnerColumns = ['id', 'name', 'kind', 'address', 'phone', 'active'] as const;

export const listPartners = (db: Queryable) =>
  db
    .selectFrom('partner')
    .select([...partnerColumns])
    .orderBy('kind')
    .orderBy('name')
    .execute();

export const insertPartner = (db: Queryable, values: Insertable<PartnerTable>) =>
  db
    .insertInto('partner')
    .values(values)
    .returning([...partnerColumns])
    .executeTakeFirstOrThrow();

export const findPartner = (db: Queryable, id: string) =>
  db.selectFrom('partner').select(['name', 'kind', 'active']).where('id', '=', id).executeTakeFirst();

export const updatePartnerRow = (db: Queryable, id: string, set: Updateable<PartnerTable>) =>
  db
    .updateTable('partner')
    .set(set)
    .where('id', '=', id)
    .returning([...partnerColumns])
    .executeTakeFirstOrThrow();

/** The file an entry belongs to (not deleted), for routes addressed by the entry alone. */
export const fileOfEntry = (db: Queryable, entryId: string) =>
  db
    .selectFrom('journal_entry')
    .select('case_file_id')
    .where('id', '=', entryId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();

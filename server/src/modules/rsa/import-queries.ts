import type { RsaBlockInput } from '@jalon/core';
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Queryable, RsaPersonChangeTable, RsaPersonTable } from '../../db/schema.js';
import { blockChange } from './block.js';

/**
 * The CAF flux's set-based access to the RSA blocks (docs/architecture.md, "Import pipeline"; ADR 013): the persons of
 * a site known under a n° allocataire, and `applyImportedRsaChanges` for a batch (block.ts's rules: only the fields
 * present, a dated history row per person whose values change, nothing when the values are the same).
 */

type Row = Selectable<RsaPersonTable>;
/** The current members of the site's files whose RSA block holds one of these (n° allocataire, birth date). */
export async function rsaPersonsByAllocataire(
  db: Queryable,
  siteId: string,
  keys: { matricule: string; birthDate: string }[],
): Promise<{ matricule: string; birth_date: string; person_id: string; case_file_id: string }[]> {
  if (!keys.length) return [];
  const r = await sql<{ matricule: string; birth_date: string; person_id: string; case_file_id: string }>`
    select distinct k.m as matricule, k.d as birth_date, p.id as person_id, c.id as case_file_id
    from unnest(${keys.map((k) => k.matricule)}::text[], ${keys.map((k) => k.birthDate)}::text[]) as k(m, d)
    join rsa_person r on r.num_allocataire = k.m
    join person p on p.id = r.person_id and p.birth_date = k.d::date
    join household_member m on m.person_id = p.id and m.end_date is null
    join case_file c on c.household_id = m.household_id and c.id = r.case_file_id
    where c.site_id = ${siteId}`.execute(db);
  return r.rows;
}

export interface ImportedRsaChange {
  personId: string;
  caseFileId: string;
  values: Partial<RsaBlockInput>;
}

/**
 * Applies a batch of imported changes in the caller's transaction (origin `imported`, by nobody, `source` naming the
 * import), in input order (a person twice: the second sees the first). Returns the persons whose block changed; the
 * caller audits the batch (modules/imports, `import.batch`).
 */
export async function applyImportedRsaChanges(
  trx: Queryable,
  now: Date,
  source: string,
  changes: ImportedRsaChange[],
): Promise<string[]> {
  if (!changes.length) return [];
  const ids = [...new Set(changes.map((c) => c.personId))];
  const rows = await trx.selectFrom('rsa_person').selectAll().where('person_id', 'in', ids).forUpdate().execute();
  const state = new Map<string, Row>(rows.map((r) => [r.person_id, r]));
  const upserts = new Map<string, Insertable<RsaPersonTable>>();
  const history: Insertable<RsaPersonChangeTable>[] = [];
  for (const c of changes) {
    const before = state.get(c.personId);
    const { changes: diff, columns } = blockChange(before, c.values);
    const changed = Object.keys(diff);
    if (changed.length === 0 && before?.case_file_id === c.caseFileId) continue;
    const next = {
      ...columns,
      person_id: c.personId,
      case_file_id: c.caseFileId,
      updated_at: now,
      updated_by: null,
      origin: 'imported' as const,
    } as Row;
    state.set(c.personId, next);
    upserts.set(c.personId, next);
    if (changed.length)
      history.push({
        person_id: c.personId,
        case_file_id: c.caseFileId,
        at: now,
        origin: 'imported',
        actor_id: null,
        source,
        changes: JSON.stringify(diff),
      });
  }
  if (upserts.size)
    await trx
      .insertInto('rsa_person')
      .values([...upserts.values()])
      .onConflict((oc) =>
        oc.column('person_id').doUpdateSet((eb) => ({
          case_file_id: eb.ref('excluded.case_file_id'),
          etatdosrsa: eb.ref('excluded.etatdosrsa'),
          natpf: eb.ref('excluded.natpf'),
          toppersdrodevorsa: eb.ref('excluded.toppersdrodevorsa'),
          rolepers: eb.ref('excluded.rolepers'),
          date_ouverture: eb.ref('excluded.date_ouverture'),
          num_allocataire: eb.ref('excluded.num_allocataire'),
          sitpersdemrsa: eb.ref('excluded.sitpersdemrsa'),
          dd_since: eb.ref('excluded.dd_since'),
          updated_at: eb.ref('excluded.updated_at'),
          updated_by: eb.ref('excluded.updated_by'),
          origin: eb.ref('excluded.origin'),
        })),
      )
      .execute();
  if (history.length) await trx.insertInto('rsa_person_change').values(history).execute();
  return [...new Set(history.map((h) => h.person_id))];
}

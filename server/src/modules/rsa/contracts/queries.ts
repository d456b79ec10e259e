import type { Insertable } from 'kysely';
import type { Queryable, RsaActionRefTable, RsaContractTable } from '../../../db/schema.js';

export const contractRowsOfFile = (db: Queryable, fileId: string) =>
  db
    .selectFrom('rsa_contract as c')
    .selectAll('c')
    .select((eb) =>
      eb.exists(eb.selectFrom('rsa_contract as n').select('n.id').whereRef('n.renewal_of', '=', 'c.id')).as('renewed'),
    )
    .where('c.case_file_id', '=', fileId)
    .orderBy('c.start_on', 'desc')
    .execute();

export const contractActionsOfFile = (db: Queryable, fileId: string) =>
  db
    .selectFrom('rsa_contract_action as a')
    .innerJoin('rsa_contract as c', 'c.id', 'a.contract_id')
    .innerJoin('rsa_action_ref as r', 'r.id', 'a.action_id')
    .select(['a.id', 'a.contract_id', 'a.action_id', 'a.status', 'a.note', 'r.theme', 'r.objective', 'r.label'])
    .where('c.case_file_id', '=', fileId)
    .orderBy('r.theme')
    .orderBy('r.objective')
    .orderBy('r.label')
    .execute();

export const findContract = (db: Queryable, fileId: string, contractId: string) =>
  db
    .selectFrom('rsa_contract')
    .selectAll()
    .where('id', '=', contractId)
    .where('case_file_id', '=', fileId)
    .forUpdate()
    .executeTakeFirst();

export const isRenewed = async (db: Queryable, contractId: string) =>
  (await db.selectFrom('rsa_contract').select('id').where('renewal_of', '=', contractId).executeTakeFirst()) !==
  undefined;

export const insertContract = (db: Queryable, row: Insertable<RsaContractTable>) =>
  db.insertInto('rsa_contract').values(row).returning('id').executeTakeFirstOrThrow();

export const setContractSigned = (db: Queryable, id: string, signedOn: string, documentId: string | null) =>
  db
    .updateTable('rsa_contract')
    .set((eb) => ({ signed_on: signedOn, signed_document_id: documentId, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();

/** Sets the status of the plan's actions, adding those not yet in it (one row per action of the referential). */
export const upsertPlanActions = (
  db: Queryable,
  rows: { contract_id: string; action_id: string; status: string; note: string | null; updated_at: Date }[],
) =>
  rows.length === 0
    ? Promise.resolve()
    : db
        .insertInto('rsa_contract_action')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['contract_id', 'action_id']).doUpdateSet((eb) => ({
            status: eb.ref('excluded.status'),
            note: eb.ref('excluded.note'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();

/** The referential's actions among `ids` that may be planned (active). */
export const activeActions = (db: Queryable, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('rsa_action_ref').select('id').where('id', 'in', ids).where('active', '=', true).execute();

/** A document of the file (the signed copy of a contract is one of its documents, modules/documents). */
export const documentOfFile = (db: Queryable, fileId: string, documentId: string) =>
  db
    .selectFrom('document')
    .select('id')
    .where('id', '=', documentId)
    .where('case_file_id', '=', fileId)
    .where('state', '=', 'ready')
    .executeTakeFirst();

export const allActionRefs = (db: Queryable) =>
  db.selectFrom('rsa_action_ref').selectAll().orderBy('theme').orderBy('objective').orderBy('label').execute();

export const insertActionRef = (db: Queryable, row: Insertable<RsaActionRefTable>) =>
  db.insertInto('rsa_action_ref').values(row).returning('id').executeTakeFirstOrThrow();

export const updateActionRef = (
  db: Queryable,
  id: string,
  v: { theme: string; objective: string; label: string; active: boolean },
) => db.updateTable('rsa_action_ref').set(v).where('id', '=', id).executeTakeFirst();

/** What the printed contract says: the contract, its person, plan, the current organisme and référent unique. */
export async function contractPrintFacts(db: Queryable, fileId: string, contractId: string) {
  const contract = await db
    .selectFrom('rsa_contract')
    .selectAll()
    .where('id', '=', contractId)
    .where('case_file_id', '=', fileId)
    .executeTakeFirst();
  if (!contract) return undefined;
  const [person, actions, orientation, referent] = await Promise.all([
    db
      .selectFrom('person')
      .select(['first_names', 'birth_name', 'used_name'])
      .where('id', '=', contract.person_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('rsa_contract_action as a')
      .innerJoin('rsa_action_ref as r', 'r.id', 'a.action_id')
      .select(['r.theme', 'r.objective', 'r.label', 'a.status'])
      .where('a.contract_id', '=', contractId)
      .orderBy('r.theme')
      .orderBy('r.label')
      .execute(),
    db.selectFrom('rsa_orientation').select('organisme').where('person_id', '=', contract.person_id).executeTakeFirst(),
    db
      .selectFrom('rsa_referent as r')
      .innerJoin('app_user as u', 'u.id', 'r.user_id')
      .select('u.display_name')
      .where('r.person_id', '=', contract.person_id)
      .where('r.kind', '=', 'referent_unique')
      .where('r.end_on', 'is', null)
      .executeTakeFirst(),
  ]);
  return {
    contract,
    person,
    actions,
    organisme: orientation?.organisme ?? null,
    referentName: referent?.display_name ?? null,
  };
}

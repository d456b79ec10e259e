import { sql } from 'kysely';
import type { ParamName, ParamVersion } from '@jalon/core';
import type { Queryable } from '../../db/schema.js';

/** Every version of every parameter, oldest first. */
export async function listVersions(db: Queryable): Promise<ParamVersion[]> {
  const rows = await db
    .selectFrom('parameter_version')
    .select(['id', 'name', 'value', 'valid_from', 'valid_to'])
    .orderBy('name')
    .orderBy('valid_from')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name as ParamName,
    value: r.value,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

export const updateVersionValue = (db: Queryable, id: string, value: number) =>
  db.updateTable('parameter_version').set({ value }).where('id', '=', id).execute();

export const closeVersion = (db: Queryable, id: string, validTo: string) =>
  db.updateTable('parameter_version').set({ valid_to: validTo }).where('id', '=', id).execute();

export const insertVersion = (
  db: Queryable,
  v: { name: ParamName; value: number; validFrom: string; createdBy: string; at: Date },
) =>
  db
    .insertInto('parameter_version')
    .values({ name: v.name, value: v.value, valid_from: v.validFrom, created_by: v.createdBy, created_at: v.at })
    .returning('id')
    .executeTakeFirstOrThrow();

/** One writer at a time per parameter (transaction-scoped advisory lock), so two admins do not both close a version. */
export async function lockParam(trx: Queryable, name: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`param:${name}`}))`.execute(trx);
}

import type { Insertable } from 'kysely';
import type { DB, Queryable } from '../../db/schema.js';

/** The writes of shares and consents (docs/architecture.md: SQL lives in queries files). */

const CONSENT_COLUMNS = ['id', 'purpose', 'recipient', 'given_on', 'withdrawn_on', 'created_at'] as const;

export async function insertShare(trx: Queryable, values: Insertable<DB['file_share']>): Promise<string> {
  const row = await trx.insertInto('file_share').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export const insertConsent = (trx: Queryable, values: Insertable<DB['consent']>) =>
  trx.insertInto('consent').values(values).returning(CONSENT_COLUMNS).executeTakeFirstOrThrow();

export const setConsentWithdrawn = (trx: Queryable, consentId: string, withdrawnOn: string) =>
  trx
    .updateTable('consent')
    .set({ withdrawn_on: withdrawnOn })
    .where('id', '=', consentId)
    .returning(CONSENT_COLUMNS)
    .executeTakeFirstOrThrow();

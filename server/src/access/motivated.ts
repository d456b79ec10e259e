import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * The files a user may read under an unexpired motivated access (break-glass), as a sub-select of the session
 * query: the grant is resolved once per request with the request's clock and carried by the actor
 * (`Actor.motivatedFileIds`), so the one access layer (`load-authorized.ts` + `core/src/policy`) honours it everywhere.
 */
export const motivatedFileIdsOf = (eb: ExpressionBuilder<DB & { u: DB['app_user'] }, 'u'>, now: Date) =>
  eb
    .selectFrom('break_glass_access as bg')
    .whereRef('bg.user_id', '=', 'u.id')
    .where('bg.granted_at', '<=', now)
    .where('bg.expires_at', '>', now)
    .select((sb) => sb.fn.agg<string[]>('array_agg', ['bg.case_file_id']).as('ids'));

import { sql } from 'kysely';
import type { Queryable } from '../../db/schema.js';

/** The review queue: the grant, the file number and site, the worker, the reviewer, the reads during the grant. */
export const findQueue = (db: Queryable, filter: { siteId: string | null; reviewed: boolean; id?: string }) =>
  db
    .selectFrom('break_glass_access as bg')
    .innerJoin('case_file as cf', 'cf.id', 'bg.case_file_id')
    .innerJoin('site as fs', 'fs.id', 'bg.file_site_id')
    .innerJoin('app_user as u', 'u.id', 'bg.user_id')
    .leftJoin('site as us', 'us.id', 'bg.user_site_id')
    .leftJoin('app_user as r', 'r.id', 'bg.reviewed_by')
    .select([
      'bg.id',
      'bg.case_file_id',
      'bg.file_site_id',
      'bg.user_role',
      'bg.reason',
      'bg.justification',
      'bg.granted_at',
      'bg.expires_at',
      'bg.reviewed_at',
      'bg.review_comment',
      'cf.file_number',
      'fs.name as file_site_name',
      'u.display_name as user_name',
      'us.name as user_site_name',
      'r.display_name as reviewer_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('access_log as l')
        .whereRef('l.case_file_id', '=', 'bg.case_file_id')
        .whereRef('l.actor_id', '=', 'bg.user_id')
        .where((w) => w.between(sql.ref('l.at'), sql.ref('bg.granted_at'), sql.ref('bg.expires_at')))
        .select((sb) => sb.fn.countAll<number>().as('n'))
        .as('read_count'),
    )
    .$if(filter.siteId !== null, (q) => q.where('bg.file_site_id', '=', filter.siteId ?? ''))
    .$if(filter.id !== undefined, (q) => q.where('bg.id', '=', filter.id ?? ''))
    .where('bg.reviewed_at', filter.reviewed ? 'is not' : 'is', null)
    .orderBy('bg.granted_at', filter.reviewed ? 'desc' : 'asc')
    .orderBy('bg.id')
    .limit(200)
    .execute();
export type QueueRow = Awaited<ReturnType<typeof findQueue>>[number];

/** The notifications of one user, newest first, with the grant they announce. */
export const findNotifications = (db: Queryable, userId: string) =>
  db
    .selectFrom('notification as n')
    .leftJoin('case_file as cf', 'cf.id', 'n.case_file_id')
    .leftJoin('break_glass_access as bg', 'bg.id', 'n.break_glass_id')
    .leftJoin('site as us', 'us.id', 'bg.user_site_id')
    .leftJoin('access_request as ar', 'ar.id', 'n.access_request_id')
    .select([
      'ar.due_on as request_due_on',
      'n.id',
      'n.kind',
      'n.created_at',
      'n.read_at',
      'n.case_file_id',
      'cf.file_number',
      'bg.user_role',
      'bg.reason',
      'us.name as user_site_name',
    ])
    .where('n.user_id', '=', userId)
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id')
    .limit(50)
    .execute();
export type NotificationRow = Awaited<ReturnType<typeof findNotifications>>[number];

export const countUnread = async (db: Queryable, userId: string): Promise<number> => {
  const r = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
};

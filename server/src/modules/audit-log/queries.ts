import { sql } from 'kysely';
import type { Queryable } from '../../db/schema.js';
import type { AccessSearchQuery, AuditSearchQuery } from './schemas.js';

const PAGE = 100;
/** A Paris calendar day boundary (the DPO thinks in local days). */
const parisDayStart = (d: string) => sql<Date>`(${d}::date)::timestamp at time zone 'Europe/Paris'`;
const parisDayEnd = (d: string) => sql<Date>`(${d}::date + 1)::timestamp at time zone 'Europe/Paris'`;

/** Audit events (mutations, logins, searches), newest first, by user, file, period and action. */
export const searchAuditEvents = (db: Queryable, q: AuditSearchQuery) =>
  db
    .selectFrom('audit_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .leftJoin('case_file as cf', 'cf.id', 'e.case_file_id')
    .leftJoin('site as s', 's.id', 'u.site_id')
    .select([
      'e.id',
      'e.seq',
      'e.at',
      'e.action',
      'e.actor_id',
      'e.actor_role',
      'u.display_name as actor_name',
      'e.case_file_id',
      'cf.file_number',
      'e.target_type',
      'e.target_id',
      's.name as site_name',
    ])
    .$if(q.userId !== undefined, (qb) => qb.where('e.actor_id', '=', q.userId ?? ''))
    .$if(q.caseFileId !== undefined, (qb) => qb.where('e.case_file_id', '=', q.caseFileId ?? ''))
    .$if(q.fileNumber !== undefined, (qb) => qb.where('cf.file_number', '=', q.fileNumber ?? ''))
    .$if(q.action !== undefined && q.action !== '', (qb) => qb.where('e.action', '=', q.action ?? ''))
    .$if(q.from !== undefined, (qb) => qb.where('e.at', '>=', parisDayStart(q.from ?? '')))
    .$if(q.to !== undefined, (qb) => qb.where('e.at', '<', parisDayEnd(q.to ?? '')))
    .$if(q.before !== undefined, (qb) => qb.where('e.id', '<', String(q.before)))
    .orderBy('e.id', 'desc')
    .limit(PAGE)
    .execute();

/** Reads of files (access log), newest first, by user, file, period and part read. */
export const searchAccessLog = (db: Queryable, q: AccessSearchQuery) =>
  db
    .selectFrom('access_log as l')
    .leftJoin('app_user as u', 'u.id', 'l.actor_id')
    .leftJoin('case_file as cf', 'cf.id', 'l.case_file_id')
    .leftJoin('site as s', 's.id', 'l.actor_site_id')
    .select([
      'l.id',
      'l.seq',
      'l.at',
      'l.part',
      'l.actor_id',
      'l.actor_role',
      'u.display_name as actor_name',
      'l.case_file_id',
      'cf.file_number',
      's.name as site_name',
    ])
    .$if(q.userId !== undefined, (qb) => qb.where('l.actor_id', '=', q.userId ?? ''))
    .$if(q.caseFileId !== undefined, (qb) => qb.where('l.case_file_id', '=', q.caseFileId ?? ''))
    .$if(q.fileNumber !== undefined, (qb) => qb.where('cf.file_number', '=', q.fileNumber ?? ''))
    .$if(q.part !== undefined, (qb) => qb.where('l.part', '=', q.part ?? ''))
    .$if(q.from !== undefined, (qb) => qb.where('l.at', '>=', parisDayStart(q.from ?? '')))
    .$if(q.to !== undefined, (qb) => qb.where('l.at', '<', parisDayEnd(q.to ?? '')))
    .$if(q.before !== undefined, (qb) => qb.where('l.id', '<', String(q.before)))
    .orderBy('l.id', 'desc')
    .limit(PAGE)
    .execute();

/** The accounts the DPO may name in a search: identity and role only. */
export const listAccounts = (db: Queryable) =>
  db
    .selectFrom('app_user as u')
    .leftJoin('site as s', 's.id', 'u.site_id')
    .select(['u.id', 'u.display_name', 'u.email', 'u.role', 'u.active', 's.name as site_name'])
    .orderBy('u.display_name')
    .execute();

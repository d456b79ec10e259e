import type { Ctx } from '../context.js';
import type { Queryable } from '../db/schema.js';
import type { Diff } from './diff.js';

export interface AuditInput {
  caseFileId?: string | null;
  targetType?: string;
  targetId?: string | null;
  diff?: Diff | Record<string, unknown>;
}

/** Writes the audit row of a mutation; call it with the mutation's transaction (style rule 8). */
export async function audit(trx: Queryable, ctx: Ctx, action: string, input: AuditInput = {}): Promise<void> {
  await trx
    .insertInto('audit_event')
    .values({
      at: ctx.now,
      actor_id: ctx.actor.id,
      actor_role: ctx.actor.role,
      action,
      case_file_id: input.caseFileId ?? null,
      target_type: input.targetType ?? null,
      target_id: input.targetId ?? null,
      diff: input.diff ? JSON.stringify(input.diff) : null,
      request_id: ctx.requestId,
    })
    .execute();
}

/** Audit rows for events without an acting session (login failures, first set-up). */
export async function auditAnonymous(
  db: Queryable,
  at: Date,
  action: string,
  input: { actorId?: string | null; targetType?: string; targetId?: string | null; diff?: Record<string, unknown>; requestId?: string },
): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      at,
      actor_id: input.actorId ?? null,
      actor_role: null,
      action,
      case_file_id: null,
      target_type: input.targetType ?? null,
      target_id: input.targetId ?? null,
      diff: input.diff ? JSON.stringify(input.diff) : null,
      request_id: input.requestId ?? null,
    })
    .execute();
}

/** `sections`: which sensitive sections are open; `section_<id>`: the content of one (issue 5). */
export type AccessPart = 'general' | 'full' | 'consultations' | 'journal' | 'journal_notes' | 'sections' | `section_${string}` | 'access_export' | 'history';

/** Every read of a file leaves a row: who, when, which part (need-to-know, domain.md §1.7). */
export async function logAccess(db: Queryable, ctx: Ctx, caseFileId: string, part: AccessPart): Promise<void> {
  await db
    .insertInto('access_log')
    .values({
      at: ctx.now,
      actor_id: ctx.actor.id,
      actor_role: ctx.actor.role,
      actor_site_id: ctx.actor.siteId,
      case_file_id: caseFileId,
      part,
    })
    .execute();
}

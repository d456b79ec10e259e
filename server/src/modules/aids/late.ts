import { aidTypeLabel, canActOnAidApplication, canListLateRepayments, loanStatus } from '@jalon/core';
import { authorizedFileIds } from '../../access/load-authorized.js';
import { logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { forbidden } from '../../errors.js';
import { loanOf, paidLoansWithDueInstalments } from './queries.js';

export interface LateRepaymentDto {
  applicationId: string;
  caseFileId: string;
  fileNumber: string;
  aidLabel: string;
  lateCount: number;
  lateCents: number;
  outstandingCents: number;
  oldestLateDueDate: string;
}

/**
 * GET /api/aids/late-repayments: the loans with late instalments on the files the caller follows (the site manager:
 * the site's), oldest file number first. Each file listed is access-logged (part `aides`).
 */
export async function listLateRepayments(ctx: Ctx): Promise<LateRepaymentDto[]> {
  const { actor } = ctx;
  if (!canListLateRepayments(actor) || !actor.siteId)
    throw forbidden('Liste réservée aux travailleurs sociaux et aux responsables de site');
  const today = ctx.now.toISOString().slice(0, 10);
  const candidates = await paidLoansWithDueInstalments(ctx.db, actor.siteId, today);
  const allowed = new Set(
    await authorizedFileIds(ctx.db, actor, [...new Set(candidates.map((c) => c.case_file_id))], canActOnAidApplication),
  );
  const out: LateRepaymentDto[] = [];
  for (const c of candidates.filter((x) => allowed.has(x.case_file_id))) {
    const loan = await loanOf(ctx.db, c.id);
    const s = loanStatus(loan.schedule, loan.repayments, today);
    const late = s.instalments.filter((i) => i.state === 'en_retard');
    if (!late[0]) continue;
    out.push({
      applicationId: c.id,
      caseFileId: c.case_file_id,
      fileNumber: c.file_number,
      aidLabel: aidTypeLabel(c.aid_type),
      lateCount: s.lateCount,
      lateCents: s.lateCents,
      outstandingCents: s.outstandingCents,
      oldestLateDueDate: late[0].dueDate,
    });
  }
  for (const fileId of new Set(out.map((o) => o.caseFileId))) await logAccess(ctx.db, ctx, fileId, 'aides');
  return out;
}

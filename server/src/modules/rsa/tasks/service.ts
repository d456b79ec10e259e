import { RENEWAL_WINDOW_DAYS, RSA_TASK_KINDS, type RsaTaskDto, type RsaTaskKind } from '@jalon/core';
import type { Ctx } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { loadParams } from '../../params/index.js';
import { contractsToRenew, contractsToSign, lateOrientations, type TaskScope } from './queries.js';

type Row = Awaited<ReturnType<typeof lateOrientations>>[number];

/**
 * The RSA task lists (GET /api/rsa/tasks?scope=mine|team; docs/api.md, "RSA"): orientations late against the target
 * delay in force, contracts to sign within the delay after the orientation notice, contracts ending within 30 days.
 * The worker's own files (référent or référent unique RSA), or the files of their teams. Names only: no RSA content.
 */
export async function rsaTasks(ctx: Ctx, scope: TaskScope): Promise<{ items: RsaTaskDto[] }> {
  if (ctx.actor.role !== 'travailleur_social' || ctx.actor.siteId === null)
    throw forbidden('Les tâches RSA sont celles des travailleurs sociaux');
  const today = ctx.now.toISOString().slice(0, 10);
  const p = await loadParams(ctx.db, ctx.now);
  const [late, sign, renew] = await Promise.all([
    lateOrientations(ctx.db, ctx.actor, scope, today, p['rsa.orientation.targetWeeks'] * 7),
    contractsToSign(ctx.db, ctx.actor, scope, p['rsa.contract.signatureMonths']),
    contractsToRenew(ctx.db, ctx.actor, scope, today, RENEWAL_WINDOW_DAYS),
  ]);
  const item = (kind: RsaTaskKind, late: (r: Row) => boolean) => (r: Row & { due_on: string | null }) => ({
    kind: { code: kind, label: RSA_TASK_KINDS[kind] },
    fileId: r.file_id,
    fileNumber: r.file_number,
    personId: r.person_id,
    name: `${r.first_names} ${r.used_name ?? r.birth_name}`,
    dueOn: r.due_on,
    late: late(r),
  });
  return {
    items: [
      ...late.map(item('orientation_late', () => true)),
      ...sign.map(item('contract_to_sign', (r) => (r as { due_on: string }).due_on < today)),
      ...renew.map(item('contract_to_renew', () => false)),
    ],
  };
}

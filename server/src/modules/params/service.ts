import { PARAMETERS, paramsAt, planParamVersion, type ParamValues, type SetParamInput } from '@jalon/core';
import { audit } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import type { Queryable } from '../../db/schema.js';
import { unprocessable } from '../../errors.js';
import { closeVersion, insertVersion, listVersions, lockParam, updateVersionValue } from './queries.js';

/** The values of every parameter on `date` (docs/architecture.md, "Parameters"). */
export const loadParams = async (db: Queryable, date: Date): Promise<ParamValues> =>
  paramsAt(await listVersions(db), date);

/** The admin's view: each parameter with its versions, past ones included (read-only). */
export async function listParams(ctx: Ctx) {
  const versions = await listVersions(ctx.db);
  return Object.entries(PARAMETERS).map(([name, def]) => ({
    name,
    label: def.label,
    min: def.min,
    max: def.max,
    versions: versions.filter((v) => v.name === name),
  }));
}

/** Schedules a future value (never the past): docs/architecture.md, "Parameters". */
export async function setParam(ctx: Ctx, input: SetParamInput): Promise<{ id: string }> {
  const today = ctx.now.toISOString().slice(0, 10);
  return ctx.db.transaction().execute(async (trx) => {
    // One writer at a time per parameter, so two admins do not both close the same version.
    await lockParam(trx, input.name);
    const versions = await listVersions(trx);
    const plan = planParamVersion(versions, input, today);
    if (!plan.ok) throw unprocessable(plan.code, plan.message, { value: plan.message });
    let id: string;
    if (plan.action === 'update' && plan.id) {
      await updateVersionValue(trx, plan.id, input.value);
      id = plan.id;
    } else {
      if (plan.action === 'append' && plan.closeId) await closeVersion(trx, plan.closeId, input.validFrom);
      id = (await insertVersion(trx, { ...input, createdBy: ctx.actor.id, at: ctx.now })).id;
    }
    await audit(trx, ctx, 'parameter.set', {
      targetType: 'parameter_version',
      targetId: id,
      diff: { name: input.name, value: input.value, validFrom: input.validFrom },
    });
    return { id };
  });
}

/** The statistical-secret thresholds in force on `date` (primary 5, sensitive 11 by default). */
export async function statThresholds(db: Queryable, date: Date): Promise<{ primary: number; sensitive: number }> {
  const p = await loadParams(db, date);
  return { primary: p['statistics.primaryThreshold'], sensitive: p['statistics.sensitiveThreshold'] };
}

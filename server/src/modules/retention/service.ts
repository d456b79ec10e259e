import {
  RETENTION_PERIODS,
  canExtendRetention,
  canListRetentionUpcoming,
  canReadArchivedFile,
  canReadRetentionRuns,
  retentionDeadline,
  fileAbilities,
  type ArchiveReadInput,
  type ExtendRetentionInput,
  type RetentionRunDto,
  type RetentionUpcomingDto,
  type UsagerDto,
} from '@jalon/core';
import { loadNeedToKnowUsager } from '../../access/load-authorized.js';
import { audit, logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { notFound, unprocessable } from '../../errors.js';
import { displayName, loadUsagerFile, presentUsager } from '../usagers/index.js';
import { fileRetentionState, retentionRuns, upcomingForReferent } from './queries.js';
import { setRetentionHold } from './write-queries.js';
import { loadParams } from '../params/index.js';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const today = (now: Date) => now.toISOString().slice(0, 10);
const plusDays = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** The référent's files whose active base ends within 30 days (home page panel). Social workers only; others 404. */
export async function listUpcoming(ctx: Ctx): Promise<RetentionUpcomingDto> {
  if (!canListRetentionUpcoming(ctx.actor)) throw notFound('Page');
  const params = await loadParams(ctx.db, ctx.now);
  const rows = await upcomingForReferent(ctx.db, ctx.actor, ctx.now, params['retention.dossier.activeDays']);
  return {
    items: rows.map((r) => ({
      id: r.id,
      fileNumber: r.file_number,
      displayName: displayName(r),
      lastContactAt: iso(r.last_contact_at),
      deadline: new Date(r.deadline).toISOString(),
      passed: new Date(r.deadline).getTime() <= ctx.now.getTime(),
      hold:
        r.retention_hold_kind && r.retention_hold_until
          ? { kind: r.retention_hold_kind, until: r.retention_hold_until }
          : null,
    })),
  };
}

/**
 * The référent prolongs the active base (a procedure, a follow-up resumed) or sends the file to the intermediate
 * archive at its deadline for a legal reason, until a date. Audited with the codes; the free text stays on the file.
 */
export function extendRetention(ctx: Ctx, fileId: string, input: ExtendRetentionInput) {
  return ctx.db.transaction().execute(async (trx) => {
    await loadNeedToKnowUsager(trx, ctx.actor, fileId, canExtendRetention, { write: true });
    const max =
      input.kind === 'prolongation' ? RETENTION_PERIODS.dossier.maxHoldDays : RETENTION_PERIODS.dossier.maxArchiveDays;
    if (input.untilDate <= today(ctx.now) || input.untilDate > plusDays(ctx.now, max)) {
      throw unprocessable(
        'invalid_hold_date',
        `La date doit être dans le futur et au plus tard le ${plusDays(ctx.now, max).split('-').reverse().join('/')}`,
        {
          untilDate: 'Date hors des limites',
        },
      );
    }
    const before = await setRetentionHold(trx, fileId, input);
    await audit(trx, ctx, 'case_file.retention_hold', {
      caseFileId: fileId,
      diff: { kind: input.kind, until: input.untilDate, reason: input.reason },
    });
    const deadline = retentionDeadline({
      state: 'active',
      lastContactAt: before.last_contact_at ? new Date(before.last_contact_at) : null,
      openedAt: new Date(before.opened_at),
      holdKind: input.kind,
      holdUntil: input.untilDate,
      activeDays: (await loadParams(trx, ctx.now))['retention.dossier.activeDays'],
    });
    return {
      deadline: deadline.toISOString(),
      hold: { kind: input.kind, until: input.untilDate, reason: input.reason },
    };
  });
}

/** Reports of the last runs of the engine, for the DPO only. */
export async function listRuns(ctx: Ctx): Promise<{ items: RetentionRunDto[] }> {
  if (!canReadRetentionRuns(ctx.actor)) throw notFound('Page');
  const rows = await retentionRuns(ctx.db);
  return {
    items: rows.map((r) => ({
      id: r.id,
      startedAt: new Date(r.started_at).toISOString(),
      finishedAt: new Date(r.finished_at).toISOString(),
      trigger: r.trigger,
      dryRun: r.dry_run,
      archived: r.archived,
      anonymised: r.anonymised,
      noticed: r.noticed,
      failed: r.failed,
      logPurged: (r.log_purged ?? {}) as Record<string, number>,
    })),
  };
}

/**
 * The DPO reads an archived file, read-only, for a legal reason: the reason is audited and the read logged. No other
 * role reaches an archived file (the access gate only sees active files); a file not archived answers 404 here.
 */
export function readArchivedFile(ctx: Ctx, fileId: string, input: ArchiveReadInput): Promise<UsagerDto> {
  return ctx.db.transaction().execute(async (trx) => {
    if (!canReadArchivedFile(ctx.actor)) throw notFound('Dossier');
    const state = await fileRetentionState(trx, fileId);
    const file =
      state?.retention_state === 'archived'
        ? await loadUsagerFile(trx, fileId, { referents: true, members: true })
        : undefined;
    if (!file) throw notFound('Dossier');
    const { row, referents, members } = file;
    await audit(trx, ctx, 'case_file.archive_read', {
      caseFileId: fileId,
      diff: { reason: input.reason, note: input.note },
    });
    await logAccess(trx, ctx, fileId, 'full');
    // The DPO's abilities on the file are all false (no write, no usager data outside this logged read): the full
    // part is asked for by this read's own rule (canReadArchivedFile), not by a faked `can`.
    const can = fileAbilities(ctx.actor, {
      id: fileId,
      siteId: row.site_id,
      teamId: row.team_id,
      referentIds: [],
      referentTeamIds: [],
      createdById: null,
    });
    return presentUsager(row, referents, members, can, 'full');
  });
}

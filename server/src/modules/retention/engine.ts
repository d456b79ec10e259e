import {
  retentionAction,
  type RetentionAction,
  type RetentionFacts,
  type RetentionHoldKind,
  type RetentionState,
} from '@jalon/core';
import { purgeSecurityLog } from '../../audit/chain.js';
import type { Db } from '../../db/schema.js';
import { anonymiseFile, archiveFile } from './anonymise.js';
import { loadParams } from '../params/index.js';
import { countNoticed, countOldLogRows, dueFiles, type DueFile } from './queries.js';
import { insertRetentionRun, lockRetentionFacts } from './write-queries.js';

export interface RetentionReport {
  runId: string;
  dryRun: boolean;
  archived: number;
  anonymised: number;
  noticed: number;
  failed: number;
  logPurged: Record<string, number>;
  /** File ids and what was (or would be) done: no names, the DPO reads this. */
  actions: { caseFileId: string; action: RetentionAction | 'failed' }[];
}

const factsOf = (f: DueFile, activeDays: number): RetentionFacts => ({
  activeDays,
  state: f.retention_state as RetentionState,
  lastContactAt: f.last_contact_at ? new Date(f.last_contact_at) : null,
  openedAt: new Date(f.opened_at),
  holdKind: f.retention_hold_kind as RetentionHoldKind | null,
  holdUntil: f.retention_hold_until,
});

/**
 * One run of the retention engine (daily job or `npm run retention`): archives or anonymises the files past their
 * deadline, each in its own transaction with its audit row (a failure leaves that file as it was and is counted), purges
 * the security log older than a year through a checkpoint of the chain, and writes one report row. A dry run decides
 * the same way, changes nothing but the report row (marked `dry_run`).
 */
export async function runRetention(
  db: Db,
  now: Date,
  opts: { dryRun: boolean; trigger: 'job' | 'cli'; progress?: (done: number, total?: number) => Promise<void> },
): Promise<RetentionReport> {
  const startedAt = now;
  const actions: RetentionReport['actions'] = [];
  let archived = 0;
  let anonymised = 0;
  let failed = 0;
  // The durations in force today (docs/architecture.md, "Parameters"), kept in the run's report.
  const params = await loadParams(db, now);
  const activeDays = params['retention.dossier.activeDays'];
  const logDays = params['retention.journaux.activeDays'];
  const due = await dueFiles(db, now, activeDays);
  for (const [i, f] of due.entries()) {
    if (opts.progress && i % 50 === 0) await opts.progress(i, due.length);
    const action = retentionAction(factsOf(f, activeDays), now);
    if (action !== 'archive' && action !== 'anonymise') continue;
    if (opts.dryRun) {
      actions.push({ caseFileId: f.id, action });
      if (action === 'archive') archived++;
      else anonymised++;
      continue;
    }
    try {
      await db.transaction().execute(async (trx) => {
        // Re-read under lock: a référent may have prolonged the file since the list was read.
        const cur = await lockRetentionFacts(trx, f.id);
        if (retentionAction(factsOf(cur, activeDays), now) !== action) return;
        if (action === 'archive') await archiveFile(trx, f.id, now);
        else await anonymiseFile(trx, f.id, now);
      });
      actions.push({ caseFileId: f.id, action });
      if (action === 'archive') archived++;
      else anonymised++;
    } catch {
      failed++;
      actions.push({ caseFileId: f.id, action: 'failed' });
    }
  }
  const noticed = await countNoticed(db, now, activeDays);
  const cutoff = new Date(now.getTime() - logDays * 86_400_000);
  const logPurged = opts.dryRun
    ? await countOldLogRows(db, cutoff)
    : Object.fromEntries((await purgeSecurityLog(db, now, logDays)).map((r) => [r.chain, r.purgedRows]));
  const runId = await insertRetentionRun(db, {
    started_at: startedAt,
    finished_at: now,
    trigger: opts.trigger,
    dry_run: opts.dryRun,
    archived,
    anonymised,
    noticed,
    failed,
    log_purged: JSON.stringify(logPurged),
    details: JSON.stringify(actions.slice(0, 5000)),
    params: JSON.stringify({ 'retention.dossier.activeDays': activeDays, 'retention.journaux.activeDays': logDays }),
  });
  return { runId, dryRun: opts.dryRun, archived, anonymised, noticed, failed, logPurged, actions };
}

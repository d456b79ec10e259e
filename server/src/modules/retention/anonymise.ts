import type { AuditAction } from '../../audit/actions.js';
import { audit, systemAuditor } from '../../audit/audit.js';
import type { Trx } from '../../db/schema.js';
import { installedModules } from '../../platform/installed.js';
import {
  anonymiseHousehold,
  anonymisePersons,
  enterRetentionMode,
  lockFileForAnonymisation,
  markAnonymised,
  markArchived,
  otherFileOfHousehold,
  personsOnlyOf,
} from './write-queries.js';

/** A system audit row of the retention engine (no session): who = nobody, what, which file. Goes through `audit`. */
export const auditSystem = (
  trx: Trx,
  now: Date,
  action: AuditAction,
  caseFileId: string,
  diff: Record<string, unknown>,
) => audit(trx, systemAuditor(now), action, { caseFileId, targetType: 'case_file', targetId: caseFileId, diff });

/** Intermediate archive: the file leaves the active base (no search, no list, no route but the DPO's). Data unchanged. */
export async function archiveFile(trx: Trx, fileId: string, now: Date): Promise<void> {
  await markArchived(trx, fileId, now);
  await auditSystem(trx, now, 'case_file.archive', fileId, {});
}

/**
 * Anonymisation, driven by the field catalogue's `onAnonymisation` (core/src/rgpd/field-catalogue.ts): identity,
 * contact, identifiers, situation codes, notes and their versions, free texts, sensitive sections, persons and workers
 * of entries and the référent history go; sex, the birth year (age band), the household type, the Paris postal code
 * (arrondissement), the entries' types and motifs (counts, month kept) stay, so the statistics still count the file.
 * Persons or a household also counted by another file that is not anonymised are left to that file. This file does the
 * file's own step (persons, household, référents, search keys, the case file); every other module anonymises its rows
 * in its descriptor's `retention.anonymise` (docs/architecture.md, "Module contract").
 */
export async function anonymiseFile(trx: Trx, fileId: string, now: Date): Promise<Record<string, number>> {
  // The statistics keep the closed months as published: these writes mark no month dirty (migration 202612070310).
  await enterRetentionMode(trx);
  const f = await lockFileForAnonymisation(trx, fileId);
  // Each module's own rows of the file first, once (its descriptor's `retention.anonymise`: journal, sections,
  // shares, …; platform/module.ts, ModuleRetention), while the persons they name are still linked to the file.
  const moduleCounts: Record<string, number> = {};
  for (const m of installedModules()) Object.assign(moduleCounts, await m.retention?.anonymise?.(trx, fileId, now));
  const persons = await personsOnlyOf(trx, { id: fileId, ...f });
  if (persons.length) await anonymisePersons(trx, persons, now);
  const sharedHousehold = await otherFileOfHousehold(trx, f.household_id, fileId);
  if (!sharedHousehold) await anonymiseHousehold(trx, f.household_id, now);
  await markAnonymised(trx, fileId, now);
  const counts = { persons: persons.length, ...moduleCounts };
  await auditSystem(trx, now, 'case_file.anonymise', fileId, counts);
  return counts;
}

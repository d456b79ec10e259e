import { followsUsager, isReferentOn, type Actor, type GenogramTarget, type UsagerTarget } from '@jalon/core';
import type { Queryable } from '../../db/schema.js';
import type { JalonModule } from '../../platform/module.js';
import { genogramAccessSpec } from './access-spec.js';
import { exportGenogram } from './export.js';
import { deleteGenogramOfFile, genogramCreatorOf } from './queries.js';
import { genogramRoutes } from './routes.js';

/**
 * What `can.genogram` of the file DTO needs (core fileAbilities): the genogram's creator, read only when the answer
 * depends on it (a worker who follows the file without being its référent).
 */
export const genogramTargetFor = async (
  db: Queryable,
  a: Actor,
  f: UsagerTarget & { id: string },
): Promise<GenogramTarget> =>
  followsUsager(a, f) && !isReferentOn(a, f)
    ? { createdById: await genogramCreatorOf(db, f.id) }
    : { createdById: null };

/** The genogram of a file: the référents' working tool (docs/security.md, "Génogramme"; docs/architecture.md, "Module contract"). */
export const genogramModule = {
  name: 'genogram',
  routes: (api, deps) => genogramRoutes(api, deps),
  // The drawing, the relationship lines and the free text of their opening reason.
  sealedColumns: (['payload', 'relations', 'relations_reason_text'] as const).map((column) => ({
    table: 'genogram',
    column,
    cursor: 'case_file_id',
    aadColumns: ['case_file_id'],
    aad: (r: Record<string, unknown>) => `genogram.${column}:${String(r.case_file_id)}`,
  })),
  retention: {
    anonymise: async (trx, fileId) => ({ genogram: await deleteGenogramOfFile(trx, fileId) }),
    purge: async (trx, fileId) => ({ genogram: await deleteGenogramOfFile(trx, fileId) }),
  },
  accessExport: (trx, _ctx, fileId) => exportGenogram(trx, fileId),
  // Counts only: the drawing's content is never printed.
  auditActions: {
    'genogram.update': { clearFields: ['persons', 'unions', 'relations'] },
    'genogram.relations_open': { clearFields: ['reasonCode'] },
  },
  accessSpec: genogramAccessSpec,
} satisfies JalonModule;

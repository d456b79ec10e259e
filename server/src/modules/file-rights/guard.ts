import { canReadGeneralUsager, Uuid } from '@jalon/core';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../context.js';
import { conflict } from '../../errors.js';
import { findUsagerTarget } from '../usagers/queries.js';
import { findActiveRestriction } from './queries.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Requests on a file that change nothing in it (reads that are logged, the flags themselves). */
const NOT_A_WRITE = [
  /^\/api\/usagers\/:id\/restrictions(\/|$)/,
  /^\/api\/usagers\/:id\/break-glass$/,
  /^\/api\/usagers\/:id\/sections\/:section\/open$/,
];

/**
 * RGPD art. 18: while a limitation is active, every write route of the file answers 409 `file_limited`, except the
 * flag routes (lifting it). Only for callers who see the file, so the flag never discloses a file (404 stays 404).
 */
export function limitationGuard(deps: AppDeps) {
  return async (req: FastifyRequest): Promise<void> => {
    const route = req.routeOptions.url ?? '';
    if (!MUTATING.has(req.method) || !route.startsWith('/api/usagers/:id') || NOT_A_WRITE.some((r) => r.test(route)))
      return;
    if (!req.session) return;
    const id = Uuid.safeParse((req.params as { id?: unknown }).id);
    if (!id.success) return;
    const target = await findUsagerTarget(deps.db, id.data);
    if (!target || !canReadGeneralUsager(req.session.actor, target)) return;
    if (await findActiveRestriction(deps.db, id.data, 'limitation')) {
      throw conflict(
        'file_limited',
        'Le traitement de ce dossier est limité à la demande de la personne (RGPD art. 18) : il est en lecture seule jusqu’à la levée de la limitation.',
      );
    }
  };
}

import { canReadGeneralUsager, type Actor, type UsagerTarget } from '@jalon/core';
import type { Queryable } from '../db/schema.js';
import { forbidden, notFound } from '../errors.js';
import { findUsagerTarget } from '../modules/usagers/queries.js';

type Rule = (a: Actor, f: UsagerTarget) => boolean;

/**
 * The single gate to a file (style rule 3): decide on the minimal target, then let the caller load the rest.
 * Missing and not visible look the same (404); visible but not allowed for this action is 403.
 */
export async function loadAuthorizedUsager(db: Queryable, actor: Actor, id: string, rule: Rule = canReadGeneralUsager) {
  const target = await findUsagerTarget(db, id);
  if (!target || !canReadGeneralUsager(actor, target)) throw notFound('Dossier');
  if (!rule(actor, target)) throw forbidden('Cette action sur ce dossier n’est pas autorisée pour votre profil');
  return target;
}

/**
 * For parts kept to the file's need-to-know (shares, consents, retention hold): any refusal answers 404, even to a
 * colleague of the site who sees the general part, so the existence of a share is not disclosed.
 */
export async function loadNeedToKnowUsager(db: Queryable, actor: Actor, id: string, rule: Rule) {
  const target = await findUsagerTarget(db, id);
  if (!target || !rule(actor, target)) throw notFound('Dossier');
  return target;
}

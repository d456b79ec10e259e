import { canReadGeneralUsager, type Actor, type UsagerTarget } from '@jalon/core';
import type { Queryable } from '../db/schema.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { findFileTarget, findFileTargets, type FileTarget } from './targets.js';

type Rule = (a: Actor, f: UsagerTarget) => boolean;

/** `write: true` for every change of the file's content, checked inside its transaction (RGPD art. 18 included). */
export interface AccessOptions {
  write?: boolean;
}

/**
 * RGPD art. 18: while a limitation is active the file is read only; only the flag routes (lifting it) write. Checked
 * after the rule, so the flag is shown only to those who could have written (docs/security.md, "Access"). A service
 * whose rule needs more than the target (an entry's author, a section's opener) calls it after its own check.
 */
export function assertWritable(target: FileTarget, opts: AccessOptions = { write: true }) {
  if (opts.write && target.limited)
    throw conflict(
      'file_limited',
      'Le traitement de ce dossier est limité à la demande de la personne (RGPD art. 18) : il est en lecture seule jusqu’à la levée de la limitation.',
    );
}

/**
 * The single gate to a file (style rule 3): decide on the minimal target, then let the caller load the rest.
 * Missing and not visible look the same (404); visible but not allowed for this action is 403.
 */
export async function loadAuthorizedUsager(
  db: Queryable,
  actor: Actor,
  id: string,
  rule: Rule = canReadGeneralUsager,
  opts: AccessOptions = {},
): Promise<FileTarget> {
  const target = await findFileTarget(db, id);
  if (!target || !canReadGeneralUsager(actor, target)) throw notFound('Dossier');
  if (!rule(actor, target)) throw forbidden('Cette action sur ce dossier n’est pas autorisée pour votre profil');
  assertWritable(target, opts);
  return target;
}

/**
 * For parts kept to the file's need-to-know (shares, consents, retention hold): any refusal answers 404, even to a
 * colleague of the site who sees the general part, so the existence of a share is not disclosed.
 */
export async function loadNeedToKnowUsager(
  db: Queryable,
  actor: Actor,
  id: string,
  rule: Rule,
  opts: AccessOptions = {},
): Promise<FileTarget> {
  const target = await findFileTarget(db, id);
  if (!target || !rule(actor, target)) throw notFound('Dossier');
  assertWritable(target, opts);
  return target;
}

/** A set of files at once (lists, exports): the ids the rule allows, in one target query. */
export async function authorizedFileIds(db: Queryable, actor: Actor, ids: readonly string[], rule: Rule) {
  const targets = await findFileTargets(db, ids);
  return ids.filter((id) => {
    const t = targets.get(id);
    return t !== undefined && rule(actor, t);
  });
}

import type { Actor, UsagerTarget } from '../policy/actor.js';
import { canReadFullUsager, followsUsager, hasMotivatedAccess, isReferentOn } from '../policy/usager.js';

/** The facts needed to decide on one sensitive section: who opened it (`null` while it is closed). */
export interface SectionTarget {
  openedById: string | null;
}

/**
 * Sensitive sections (santé, enfance en danger, …), docs/security.md "Access: read vs write, relations".
 * The list of the file's sections (closed, or opened on … by …) follows the need-to-know of the full part.
 */
export const canListSensitiveSections = (a: Actor, f: UsagerTarget): boolean => canReadFullUsager(a, f);

/** Opening a section (with a reason) belongs to those who follow the file; the opener then reads and fills it. */
export const canOpenSensitiveSection = (a: Actor, f: UsagerTarget): boolean => followsUsager(a, f);

/** The référents (and co-référents) and the worker who opened the section; a closed one, everyone who follows. */
const keepsSection = (a: Actor, f: UsagerTarget, s: SectionTarget): boolean =>
  followsUsager(a, f) && (s.openedById === null || isReferentOn(a, f) || s.openedById === a.id);

/**
 * A section's content is read by the référents and the worker who opened it; the other members of the team, like
 * everyone else, go through a motivated access — which reads, never writes.
 */
export const canReadSensitiveSection = (a: Actor, f: UsagerTarget, s: SectionTarget): boolean =>
  keepsSection(a, f, s) || hasMotivatedAccess(a, f);

/** Filling a section: the same people as reading it, without the motivated access. */
export const canWriteSensitiveSection = (a: Actor, f: UsagerTarget, s: SectionTarget): boolean => keepsSection(a, f, s);

/** The minimisation profile of a site is the functional admin's choice. */
export const canSetSiteProfile = (a: Actor): boolean => a.role === 'admin_fonctionnel';

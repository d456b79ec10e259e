import {
  SENSITIVE_SECTIONS,
  SECTION_SHORT_LABELS,
  SITE_PROFILES,
  isSectionInProfile,
  type Actor,
  type SectionTarget,
  type SensitiveSection,
  type SiteProfile,
  type UsagerTarget,
} from '@jalon/core';
import type { Queryable } from '../db/schema.js';
import { notFound, unprocessable } from '../errors.js';
import { findSiteProfile } from '../modules/sections/queries.js';
import { loadAuthorizedUsager } from './load-authorized.js';
import type { FileTarget } from './targets.js';

type Rule = (a: Actor, f: UsagerTarget) => boolean;

export const isSensitiveSection = (s: string): s is SensitiveSection =>
  (SENSITIVE_SECTIONS as readonly string[]).includes(s);

/**
 * The gate to the sensitive sections of a file: the file must be visible and the file-level rule (list: the full
 * part's need-to-know; open and write: following the file) must hold, else 404 as for a missing file; then the section
 * must exist (404) and belong to the profile of the file's site (422 `section_not_in_profile`). The rule on one open
 * section (référents and its opener, docs/security.md "Access: read vs write, relations") is `assertSectionAccess`.
 */
export async function loadAuthorizedSections(
  db: Queryable,
  actor: Actor,
  fileId: string,
  rule: Rule,
): Promise<{ target: FileTarget; profile: SiteProfile }> {
  const target = await loadAuthorizedUsager(db, actor, fileId);
  if (!rule(actor, target)) throw notFound('Dossier');
  return { target, profile: await findSiteProfile(db, target.siteId) };
}

export async function loadAuthorizedSection(db: Queryable, actor: Actor, fileId: string, section: string, rule: Rule) {
  const { target, profile } = await loadAuthorizedSections(db, actor, fileId, rule);
  if (!isSensitiveSection(section)) throw notFound('Section');
  if (!isSectionInProfile(profile, section)) {
    throw unprocessable(
      'section_not_in_profile',
      `La section « ${SECTION_SHORT_LABELS[section]} » n’est pas proposée sur ce site (profil ${SITE_PROFILES[profile].label.split(' — ')[0]}).`,
    );
  }
  return { target, profile, section };
}

/** A section the caller may not read (or write) does not exist for them: 404, as for the file. */
export function assertSectionAccess(
  actor: Actor,
  target: UsagerTarget,
  openedById: string | null,
  rule: (a: Actor, f: UsagerTarget, s: SectionTarget) => boolean,
) {
  if (!rule(actor, target, { openedById })) throw notFound('Section');
}

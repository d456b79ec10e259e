import {
  SENSITIVE_SECTIONS,
  SECTION_SHORT_LABELS,
  SITE_PROFILES,
  isSectionInProfile,
  type Actor,
  type SensitiveSection,
  type SiteProfile,
  type UsagerTarget,
} from '@jalon/core';
import type { Queryable } from '../db/schema.js';
import { notFound, unprocessable } from '../errors.js';
import { findSiteProfile } from '../modules/sections/queries.js';
import { loadAuthorizedUsager } from './load-authorized.js';

type Rule = (a: Actor, f: UsagerTarget) => boolean;

export const isSensitiveSection = (s: string): s is SensitiveSection =>
  (SENSITIVE_SECTIONS as readonly string[]).includes(s);

/**
 * The gate to the sensitive sections of a file: the file must be visible and the rule (need-to-know of the full
 * part) must hold, else 404 as for a missing file; then the section must exist (404) and belong to the profile of
 * the file's site (422 `section_not_in_profile`).
 */
export async function loadAuthorizedSections(
  db: Queryable,
  actor: Actor,
  fileId: string,
  rule: Rule,
): Promise<{ target: UsagerTarget; profile: SiteProfile }> {
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

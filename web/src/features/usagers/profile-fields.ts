import { isFieldInProfile, type SiteProfile } from '@jalon/core';

/** Whether the site's minimisation profile asks this usager field (`section.name`); unknown profile: ask. */
export const asks = (profile: SiteProfile | null | undefined, key: string): boolean =>
  !profile || isFieldInProfile(profile, key);

/** The body of a section without the fields the site does not collect (the API refuses them on a coordin site). */
export const keepAsked = (
  profile: SiteProfile | null | undefined,
  section: string,
  body: Record<string, unknown>,
): Record<string, unknown> =>
  Object.fromEntries(Object.entries(body).filter(([k]) => asks(profile, `${section}.${k}`)));

import {
  NOT_PROVIDED,
  NON_COORDIN_FIELDS,
  SITE_PROFILES,
  fieldsOf,
  isFieldInProfile,
  type SiteProfile,
} from '@jalon/core';
import { unprocessable } from '../../errors.js';

/** A value that records something: absent, empty and "Non renseigné" ask nothing of the person. */
const isSet = (v: unknown): boolean => v !== undefined && v !== null && v !== '' && v !== NOT_PROVIDED;

const labelOfKey = (key: string): string => {
  const [section, name] = key.split('.') as [Parameters<typeof fieldsOf>[0], string];
  return fieldsOf(section).find((f) => f.name === name)?.label ?? name;
};

/**
 * Minimisation (docs/api.md, Sensitive sections): a site whose profile does not ask a usager field refuses a value for it (422
 * `field_not_in_profile`, before anything is written). `values` maps `section.name` to the value sent.
 */
export function assertFieldsInProfile(profile: SiteProfile, values: Record<string, unknown>): void {
  const refused = NON_COORDIN_FIELDS.filter((k) => !isFieldInProfile(profile, k) && isSet(values[k]));
  if (!refused.length) return;
  const fields = Object.fromEntries(
    refused.map((k) => [k.split('.')[1] ?? k, 'Ce champ n’est pas demandé sur ce site']),
  );
  const profileName = SITE_PROFILES[profile].label.split(' — ')[0];
  throw unprocessable(
    'field_not_in_profile',
    `Ce site (profil ${profileName}) ne recueille pas : ${refused.map(labelOfKey).join(', ')}.`,
    fields,
  );
}

import { aidTypeLabel, type AidScheme, type AidType } from './codes.js';
import { rule, type EligibilityRule } from './eligibility-base.js';
import type { AidParamName, AidParamValues } from './params.js';

/**
 * The 12-month re-application limits (docs/adr/012-aid-applications.md, "Re-application limits"; domain.md §4, §5):
 * how many accords of one aid a household may get over the 12 months before the day, a dated parameter per aid
 * (`aids.limit.<aid>`, 0: none). The allocation exceptionnelle has an amount ceiling over 12 months instead (its
 * `plafond` rule). Pure.
 *
 * Derogation: the règlement municipal provides none for its limits (an exception is a deliberation of the CASVP's
 * board, not a commission's decision), so an accord beyond a Paris aid's limit is refused; the FSL's criteria may rest
 * only on resources and the nature of the difficulties (loi 90-449 art. 6-1), so a limit the FSL sets is a default
 * the commission may set aside with a recorded reason.
 */
export const limitParamOf = (aidType: AidType): AidParamName | null =>
  aidType === 'allocation_exceptionnelle' ? null : (`aids.limit.${aidType}` as AidParamName);

export const derogationAllowed = (scheme: AidScheme): boolean => scheme === 'fsl';

export interface AidLimit {
  /** Accords allowed over 12 months. */
  max: number;
  /** Days (yyyy-mm-dd) of the accords of the same aid in the 12 months before, other applications. */
  previous: readonly string[];
  derogationAllowed: boolean;
}

/** The limit that applies to an aid on its parameters, or null (no limit). */
export function limitOf(
  scheme: AidScheme,
  aidType: AidType,
  params: AidParamValues,
  previous: readonly string[],
): AidLimit | null {
  const name = limitParamOf(aidType);
  const max = name ? params[name] : 0;
  return max > 0 ? { max, previous, derogationAllowed: derogationAllowed(scheme) } : null;
}

const frDay = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const already = (l: AidLimit) =>
  `${l.previous.length} déjà accordée(s) sur les 12 derniers mois (le ${l.previous.map(frDay).join(', le ')})`;

/** The pre-check's rule for the limit. */
export function limitRule(aidType: AidType, l: AidLimit): EligibilityRule {
  const label = `Au plus ${l.max} attribution(s) sur 12 mois`;
  if (l.previous.length < l.max)
    return rule(
      'renouvellement',
      label,
      'ok',
      l.previous.length === 0 ? 'Aucune attribution sur les 12 derniers mois' : `${already(l)}`,
    );
  return rule(
    'renouvellement',
    label,
    'ko',
    `${aidTypeLabel(aidType)} : ${already(l)}${
      l.derogationAllowed ? ' ; une dérogation motivée reste possible en commission' : ''
    }`,
  );
}

/** At the decision: an accord beyond the limit is refused, unless a derogation is allowed and its reason given. */
export function limitRefusal(aidType: AidType, l: AidLimit | null, derogationReason: string | null): string | null {
  if (!l || l.previous.length < l.max) return null;
  const what = `${aidTypeLabel(aidType)} : au plus ${l.max} attribution(s) sur 12 mois, ${already(l)}`;
  if (!l.derogationAllowed) return `${what} ; le règlement municipal ne prévoit pas de dérogation`;
  return derogationReason ? null : `${what} : indiquez le motif de la dérogation`;
}

import { summariseBudget, formatCents as eur } from './budget.js';
import type { ParisAid } from './codes.js';
import {
  check,
  householdOf,
  rule,
  type Eligibility,
  type EligibilityInput,
  type EligibilityRule,
} from './eligibility-base.js';
import { limitOf, limitRule } from './limits.js';
import { parisRules } from './paris-rules.js';

/** The FSL: no residence condition (loi 90-449 art. 6-1), resources without AL/APL, ARS and AEEH, the form's limits. */
function fslRules(input: EligibilityInput): EligibilityRule[] {
  const ages = householdOf(input).ages;
  const fsl = summariseBudget(input.budget, ages, 'fsl');
  const p = input.params;
  const rules = [
    rule(
      'residence',
      'Condition de résidence',
      'ok',
      'Le FSL n’exige aucune durée de résidence préalable (loi du 31 mai 1990, art. 6-1)',
    ),
    rule(
      'ressources',
      'Ressources du foyer (hors AL/APL, ARS, AEEH)',
      'ok',
      `${eur(fsl.resourcesCents)} par mois, reste à vivre ${eur(fsl.resteAVivreCents)} (${eur(fsl.resteAVivreParUcCents)} par unité de consommation, ${eur(fsl.resteAVivreParJourCents)} par jour)`,
    ),
  ];
  if (input.aidType === 'maintien' && input.form === 'subvention')
    rules.push(
      check(
        'forme',
        'Forme de l’aide',
        input.requestedCents <= p['aids.fsl.subventionMaxCents'],
        `Subvention dans la limite de ${eur(p['aids.fsl.subventionMaxCents'])}`,
        `Au-delà de ${eur(p['aids.fsl.subventionMaxCents'])}, l’aide prend la forme d’un prêt sans intérêt`,
      ),
    );
  if (input.aidType === 'maintien' && input.form === 'pret')
    rules.push(
      rule('forme', 'Forme de l’aide', 'ok', `Prêt sans intérêt sur ${p['aids.fsl.loanMaxMonths']} mois au plus`),
    );
  return rules;
}

/** Common rules of the Paris aids (règlement municipal, Titre I): Paris domicile, residence, right of stay. */
function parisCommonRules(input: EligibilityInput): EligibilityRule[] {
  const p = input.params;
  const f = input.facts;
  const ae = input.aidType === 'allocation_exceptionnelle';
  const months = ae ? p['aids.paris.ae.residenceMonths'] : p['aids.paris.residenceMonths'];
  const postal = input.postalCode;
  const stay =
    input.applicant.nationality === 'F' || input.applicant.nationality === 'C'
      ? rule('sejour', 'Droit au séjour', 'ok', 'Nationalité française, ou d’un pays de l’UE, de l’EEE ou de la Suisse')
      : input.applicant.nationality === 'A'
        ? check(
            'sejour',
            'Titre de séjour valide',
            f.titreSejourValidUntil === null ? null : f.titreSejourValidUntil >= input.today,
            `Titre de séjour valide jusqu’au ${f.titreSejourValidUntil}`,
            `Titre de séjour expiré le ${f.titreSejourValidUntil}`,
            'Date de fin de validité du titre de séjour à renseigner',
          )
        : rule('sejour', 'Droit au séjour', 'inconnu', 'Nationalité non renseignée dans le dossier');
  return [
    check(
      'domicile',
      'Domicile à Paris',
      postal === null ? null : postal.startsWith('75'),
      `Adresse à Paris (${postal})`,
      `L’adresse du dossier n’est pas à Paris (${postal})`,
      'Adresse du dossier à renseigner',
    ),
    check(
      'residence',
      ae
        ? `Domicile à Paris depuis ${months} mois au moins`
        : `Résidence à Paris : ${months} mois dans les 5 dernières années`,
      f.parisResidenceMonths === null ? null : f.parisResidenceMonths >= months,
      `${f.parisResidenceMonths} mois de résidence à Paris`,
      `${f.parisResidenceMonths} mois de résidence à Paris, ${months} exigés`,
      'Durée de résidence à Paris à renseigner',
    ),
    stay,
  ];
}

/** The pre-check of one application. */
export function checkEligibility(input: EligibilityInput): Eligibility {
  let rules: EligibilityRule[];
  let suggestedCents: number | null = null;
  if (input.scheme === 'fsl') rules = fslRules(input);
  else {
    const own = parisRules(input.aidType as ParisAid, input);
    rules = [...parisCommonRules(input), ...own.rules];
    suggestedCents = own.amountCents;
  }
  const limit = input.previousGrants ? limitOf(input.scheme, input.aidType, input.params, input.previousGrants) : null;
  if (limit) rules = [...rules, limitRule(input.aidType, limit)];
  const result = rules.some((r) => r.status === 'ko')
    ? 'non_eligible'
    : rules.some((r) => r.status === 'inconnu')
      ? 'a_verifier'
      : 'eligible';
  return { result, rules, suggestedCents };
}

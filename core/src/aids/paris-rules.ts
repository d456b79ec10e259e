import { chargesOfType, resourcesOfType, summariseBudget, formatCents as eur } from './budget.js';
import type { ParisAid } from './codes.js';
import { check, householdOf, rule, type EligibilityInput, type EligibilityRule } from './eligibility-base.js';

/**
 * The rules of each Paris optional aid (CASVP règlement municipal 2019 and its annex, domain.md §5). Resources are the
 * household's "Paris" view (without aides au logement, family benefits, ARS, AEEH, scholarships); every amount and
 * ceiling is a dated parameter (core/src/aids/params.ts).
 */
export interface ParisRuleResult {
  rules: EligibilityRule[];
  amountCents: number | null;
}

type Ctx = ReturnType<typeof ctxOf>;
const ctxOf = (input: EligibilityInput) => {
  const h = householdOf(input);
  const paris = summariseBudget(input.budget, h.ages, 'paris');
  return { input, h, p: input.params, income: paris.resourcesCents, f: input.facts };
};

const incomeRule = (c: Ctx, ceiling: number, what = 'Ressources du foyer') =>
  check(
    'ressources',
    `${what} : ${eur(ceiling)} par mois au plus`,
    c.income <= ceiling,
    `${eur(c.income)} par mois`,
    `${eur(c.income)} par mois, au-delà du plafond de ${eur(ceiling)}`,
  );
const childrenRule = (c: Ctx, min: number, orDisabled = false) =>
  check(
    'enfants',
    orDisabled ? `Au moins ${min} enfants, ou un enfant handicapé` : `Au moins ${min} enfant(s) à charge`,
    c.h.children >= min || (orDisabled && c.f.disabledChild === true),
    `${c.h.children} enfant(s) à charge${c.f.disabledChild ? ', dont un enfant handicapé' : ''}`,
    `${c.h.children} enfant(s) à charge`,
  );
const noArrears = (c: Ctx) =>
  check(
    'impayes',
    'Pas d’impayé de loyer',
    c.f.rentArrears === null ? null : !c.f.rentArrears,
    'Aucun impayé de loyer déclaré',
    'Un impayé de loyer exclut l’aide (sauf exception délibérée par le conseil d’administration)',
    'Impayés de loyer à vérifier',
  );

/** Paris Solidarité, Complément Santé Paris: 65 or over, 60–64 unfit for work, or disabled; under the ceiling. */
function elderly(c: Ctx, aid: 'paris_solidarite' | 'complement_sante_paris'): ParisRuleResult {
  const { h, p, f } = c;
  const ceiling = h.couple
    ? p['aids.paris.solidarite.ceilingCoupleCents']
    : p['aids.paris.solidarite.ceilingSingleCents'];
  const pa = h.applicantAge >= 65 || (h.applicantAge >= 60 && f.inapteTravail === true);
  const status =
    pa || f.handicap === true
      ? rule(
          'public',
          'Personne âgée ou handicapée',
          'ok',
          `${h.applicantAge} ans${f.handicap ? ', handicap reconnu' : ''}`,
        )
      : f.handicap === null
        ? rule('public', 'Personne âgée ou handicapée', 'inconnu', `${h.applicantAge} ans : handicap à vérifier`)
        : rule(
            'public',
            'Personne âgée ou handicapée',
            'ko',
            `${h.applicantAge} ans, ni 65 ans, ni 60 ans inapte, ni handicap reconnu`,
          );
  const rules = [status, incomeRule(c, ceiling, h.couple ? 'Ressources du couple' : 'Ressources de la personne seule')];
  if (aid === 'complement_sante_paris') {
    const paid = chargesOfType(c.input.budget, ['mutuelle']) > 0;
    rules.push(
      check(
        'mutuelle',
        'Complémentaire santé payante',
        paid,
        'Cotisation de mutuelle au budget',
        'Aucune cotisation de mutuelle au budget',
      ),
    );
    return { rules, amountCents: p['aids.paris.complementSante.amountCents'] };
  }
  const topUp = ceiling - c.income;
  const min = p['aids.paris.solidarite.minimumCents'];
  rules.push(
    check(
      'minimum',
      `Complément d’au moins ${eur(min)}`,
      topUp >= min,
      `Complément de ${eur(topUp)} par mois`,
      `Complément de ${eur(Math.max(0, topUp))}, sous le minimum versé`,
    ),
  );
  return { rules, amountCents: Math.max(0, topUp) };
}

/** Paris Logement: single or couple (+1 child), lease holder, income ceiling, taux d'effort of 30 % or more. */
function logement(c: Ctx): ParisRuleResult {
  const { h, p, input } = c;
  const child = h.children > 0;
  const ceiling = child ? p['aids.paris.logement.ceilingChildCents'] : p['aids.paris.smicNetCents'];
  const al = resourcesOfType(input.budget, ['al_apl']);
  const rent = chargesOfType(input.budget, ['loyer']);
  const forfait = child
    ? p['aids.paris.logement.chargesForfaitChildCents']
    : p['aids.paris.logement.chargesForfaitCents'];
  const net = rent + forfait - al;
  const effort = c.income > 0 ? Math.floor((net * 100) / c.income) : 100;
  const amount = !child
    ? h.couple
      ? p['aids.paris.logement.coupleCents']
      : p['aids.paris.logement.singleCents']
    : p['aids.paris.logement.coupleChildCents'];
  const rules = [
    check(
      'composition',
      'Personne seule ou couple (un enfant au plus)',
      h.children <= 1,
      h.couple ? 'Couple' : 'Personne seule',
      `${h.children} enfants à charge`,
    ),
    incomeRule(c, ceiling),
    check(
      'effort',
      `Taux d’effort d’au moins ${p['aids.paris.logement.effortPercent']} %`,
      effort >= p['aids.paris.logement.effortPercent'],
      `Taux d’effort de ${effort} % (loyer ${eur(rent)} + charges forfaitaires ${eur(forfait)} − aide au logement ${eur(al)})`,
      `Taux d’effort de ${effort} % seulement`,
    ),
    check(
      'aide_logement',
      'Aide au logement demandée d’abord',
      al > 0 ? true : null,
      `Aide au logement de ${eur(al)} au budget`,
      '',
      'Aucune aide au logement au budget : vérifier qu’elle a été demandée',
    ),
    noArrears(c),
  ];
  return { rules, amountCents: Math.min(amount, Math.max(0, net)) };
}

/** The family aids: Forfait, Logement Familles, Monoparentales, Énergie Familles. */
function familles(c: Ctx, aid: ParisAid): ParisRuleResult {
  const { h, p, f } = c;
  const low = p['aids.paris.familles.incomeLowCents'];
  const high = p['aids.paris.familles.incomeHighCents'];
  if (aid === 'paris_forfait_familles') {
    const amount = c.income <= low ? p['aids.paris.pff.lowCents'] : p['aids.paris.pff.highCents'];
    return { rules: [childrenRule(c, 3), incomeRule(c, high)], amountCents: amount };
  }
  if (aid === 'paris_logement_familles') {
    const extra = Math.max(0, h.children - 3);
    if (h.children === 2 && !f.disabledChild)
      return {
        rules: [childrenRule(c, 2), incomeRule(c, p['aids.paris.plf.twoChildrenCeilingCents'])],
        amountCents: p['aids.paris.plf.twoChildrenCents'],
      };
    const amount =
      c.income <= low
        ? p['aids.paris.plf.baseLowCents'] + extra * p['aids.paris.plf.extraLowCents']
        : p['aids.paris.plf.baseHighCents'] + extra * p['aids.paris.plf.extraHighCents'];
    return { rules: [childrenRule(c, 3, true), incomeRule(c, high), noArrears(c)], amountCents: amount };
  }
  if (aid === 'paris_logement_familles_monoparentales') {
    const smic = p['aids.paris.smicNetCents'];
    return {
      rules: [
        check(
          'monoparental',
          'Parent seul avec enfant(s)',
          !h.couple && h.children >= 1,
          `Parent seul, ${h.children} enfant(s)`,
          h.couple ? 'Le foyer compte un couple' : 'Aucun enfant à charge',
        ),
        incomeRule(c, p['aids.paris.plfm.ceilingCents']),
        noArrears(c),
      ],
      amountCents: c.income <= smic ? p['aids.paris.plfm.smicCents'] : p['aids.paris.plfm.highCents'],
    };
  }
  // Paris Énergie Familles: ceilings by number of children, paid to the supplier.
  const ceiling =
    h.children >= 3 || f.disabledChild
      ? p['aids.paris.pef.ceiling3Cents']
      : h.children === 2
        ? p['aids.paris.pef.ceiling2Cents']
        : p['aids.paris.pef.ceiling1Cents'];
  const large = h.children >= 3 || f.disabledChild === true;
  return {
    rules: [childrenRule(c, 1), incomeRule(c, ceiling)],
    amountCents: large ? p['aids.paris.pef.largeCents'] : p['aids.paris.pef.smallCents'],
  };
}

/** Allocation exceptionnelle: a one-off aid within a 12-month ceiling (3 years in Paris or not). */
function exceptionnelle(c: Ctx): ParisRuleResult {
  const { p, f, input } = c;
  const resident = f.parisResidenceMonths !== null && f.parisResidenceMonths >= 36;
  const max = resident ? p['aids.paris.ae.maxResidentCents'] : p['aids.paris.ae.maxOtherCents'];
  const left = Math.max(0, max - input.grantedLast12MonthsCents);
  return {
    rules: [
      check(
        'plafond',
        `Plafond de ${eur(max)} sur 12 mois`,
        input.requestedCents <= left,
        `Demande de ${eur(input.requestedCents)}, ${eur(left)} disponibles sur 12 mois`,
        `Demande de ${eur(input.requestedCents)}, seuls ${eur(left)} restent disponibles sur 12 mois`,
      ),
    ],
    amountCents: Math.min(input.requestedCents, left),
  };
}

export function parisRules(aid: ParisAid, input: EligibilityInput): ParisRuleResult {
  const c = ctxOf(input);
  switch (aid) {
    case 'paris_solidarite':
    case 'complement_sante_paris':
      return elderly(c, aid);
    case 'paris_logement':
      return logement(c);
    case 'allocation_exceptionnelle':
      return exceptionnelle(c);
    default:
      return familles(c, aid);
  }
}

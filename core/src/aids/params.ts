/**
 * The dated parameters of the aids (docs/architecture.md, "Parameters"): amounts and ceilings in integer cents, from
 * the CASVP règlement municipal of 1/09/2019 and its annex of 1/11/2019 (domain.md §5) and the Paris FSL (domain.md
 * §4). Scheduled by the functional admin like every parameter; a decision keeps the values of its date.
 */
const cents = (label: string, defaultValue: number) => ({ label, defaultValue, min: 0, max: 10_000_000 });

const perYear = (aid: string, defaultValue: number) => ({
  label: `${aid} : nombre maximal d’attributions sur 12 mois (0 : sans limite)`,
  defaultValue,
  min: 0,
  max: 12,
});

export const AID_PARAMETERS = {
  'aids.fsl.subventionMaxCents': cents('FSL maintien : subvention maximale, au-delà un prêt (centimes)', 50_000),
  'aids.fsl.loanMaxMonths': { label: 'FSL : durée maximale d’un prêt (mois)', defaultValue: 36, min: 1, max: 36 },
  'aids.paris.residenceMonths': {
    label: 'Aides de Paris : mois de résidence à Paris exigés dans les 5 dernières années',
    defaultValue: 36,
    min: 0,
    max: 60,
  },
  'aids.paris.smicNetCents': cents('Aides de Paris : SMIC net mensuel arrondi à la dizaine (centimes)', 121_000),
  'aids.paris.solidarite.ceilingSingleCents': cents('Paris Solidarité : plafond personne seule (centimes)', 98_000),
  'aids.paris.solidarite.ceilingCoupleCents': cents('Paris Solidarité : plafond couple (centimes)', 155_300),
  'aids.paris.solidarite.minimumCents': cents('Paris Solidarité : montant minimal versé (centimes)', 200),
  'aids.paris.complementSante.amountCents': cents('Complément Santé Paris : montant annuel (centimes)', 46_800),
  'aids.paris.logement.singleCents': cents('Paris Logement : personne seule (centimes)', 8_400),
  'aids.paris.logement.coupleCents': cents('Paris Logement : couple (centimes)', 9_500),
  'aids.paris.logement.coupleChildCents': cents('Paris Logement : couple avec un enfant (centimes)', 11_600),
  'aids.paris.logement.ceilingChildCents': cents('Paris Logement : plafond avec un enfant (centimes)', 160_000),
  'aids.paris.logement.effortPercent': {
    label: 'Paris Logement : taux d’effort minimal (%)',
    defaultValue: 30,
    min: 0,
    max: 100,
  },
  'aids.paris.logement.chargesForfaitCents': cents('Paris Logement : charges forfaitaires CAF (centimes)', 5_367),
  'aids.paris.logement.chargesForfaitChildCents': cents(
    'Paris Logement : charges forfaitaires CAF avec un enfant (centimes)',
    6_583,
  ),
  'aids.paris.familles.incomeLowCents': cents('Aides aux familles : premier plafond de ressources (centimes)', 300_000),
  'aids.paris.familles.incomeHighCents': cents('Aides aux familles : second plafond de ressources (centimes)', 500_000),
  'aids.paris.pff.lowCents': cents('Paris Forfait Familles : montant sous le premier plafond (centimes)', 30_500),
  'aids.paris.pff.highCents': cents('Paris Forfait Familles : montant sous le second plafond (centimes)', 20_000),
  'aids.paris.plf.baseLowCents': cents(
    'Paris Logement Familles, 3 enfants : sous le premier plafond (centimes)',
    12_800,
  ),
  'aids.paris.plf.extraLowCents': cents('Paris Logement Familles : par enfant au-delà de 3, premier plafond', 4_100),
  'aids.paris.plf.baseHighCents': cents(
    'Paris Logement Familles, 3 enfants : sous le second plafond (centimes)',
    8_400,
  ),
  'aids.paris.plf.extraHighCents': cents('Paris Logement Familles : par enfant au-delà de 3, second plafond', 2_100),
  'aids.paris.plf.twoChildrenCents': cents('Paris Logement Familles, 2 enfants (centimes)', 11_600),
  'aids.paris.plf.twoChildrenCeilingCents': cents('Paris Logement Familles, 2 enfants : plafond (centimes)', 200_000),
  'aids.paris.plfm.smicCents': cents('Paris Logement Familles Monoparentales : sous le SMIC net (centimes)', 15_000),
  'aids.paris.plfm.ceilingCents': cents('Paris Logement Familles Monoparentales : second plafond (centimes)', 160_000),
  'aids.paris.plfm.highCents': cents('Paris Logement Familles Monoparentales : sous le second plafond', 12_800),
  'aids.paris.pef.smallCents': cents('Paris Énergie Familles : 1 ou 2 enfants (centimes)', 13_800),
  'aids.paris.pef.largeCents': cents('Paris Énergie Familles : 3 enfants ou plus, enfant handicapé (centimes)', 27_500),
  'aids.paris.pef.ceiling1Cents': cents('Paris Énergie Familles : plafond, 1 enfant (centimes)', 200_000),
  'aids.paris.pef.ceiling2Cents': cents('Paris Énergie Familles : plafond, 2 enfants (centimes)', 250_000),
  'aids.paris.pef.ceiling3Cents': cents('Paris Énergie Familles : plafond, 3 enfants ou plus (centimes)', 500_000),
  'aids.paris.ae.maxResidentCents': cents('Allocation exceptionnelle : plafond sur 12 mois, 3 ans à Paris', 328_700),
  'aids.paris.ae.maxOtherCents': cents('Allocation exceptionnelle : plafond sur 12 mois, moins de 3 ans', 283_000),
  // Re-application limits: how many accords of the aid a household may get over 12 months (0: no limit). The
  // règlement municipal grants its monthly aids for 12 months and its yearly ones once a year, and Paris Énergie
  // Familles "once per 12 months" (domain.md §5); the Paris FSL sets none that the sources show (domain.md §4).
  'aids.limit.paris_solidarite': perYear('Paris Solidarité', 1),
  'aids.limit.complement_sante_paris': perYear('Complément Santé Paris', 1),
  'aids.limit.paris_logement': perYear('Paris Logement', 1),
  'aids.limit.paris_forfait_familles': perYear('Paris Forfait Familles', 1),
  'aids.limit.paris_logement_familles': perYear('Paris Logement Familles', 1),
  'aids.limit.paris_logement_familles_monoparentales': perYear('Paris Logement Familles Monoparentales', 1),
  'aids.limit.paris_energie_familles': perYear('Paris Énergie Familles', 1),
  'aids.limit.acces': perYear('FSL accès', 0),
  'aids.limit.maintien': perYear('FSL maintien', 0),
  'aids.limit.energie': perYear('FSL énergie', 0),
  'aids.limit.eau': perYear('FSL eau', 0),
  'aids.limit.telephone': perYear('FSL téléphone, internet', 0),
  'aids.paris.ae.residenceMonths': {
    label: 'Allocation exceptionnelle : mois de domicile à Paris exigés',
    defaultValue: 1,
    min: 0,
    max: 60,
  },
} as const satisfies Record<string, { label: string; defaultValue: number; min: number; max: number }>;

export type AidParamName = keyof typeof AID_PARAMETERS;
export type AidParamValues = Record<AidParamName, number>;
export const AID_PARAM_NAMES = Object.keys(AID_PARAMETERS) as AidParamName[];

/** The aid parameters out of every parameter's values (what a decision keeps). */
export const aidParamsOf = (values: Record<string, number>): AidParamValues =>
  Object.fromEntries(AID_PARAM_NAMES.map((n) => [n, values[n] ?? AID_PARAMETERS[n].defaultValue])) as AidParamValues;

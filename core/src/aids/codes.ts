/**
 * Code lists of the budget and of the aid applications (issue "Aid applications"; ../shared/docs/domain.md §4, §5,
 * §6.8). Codes are stable (stored, exported); labels are what people read.
 */

const labelled = <K extends string>(labels: Record<K, string>) => ({
  codes: Object.keys(labels) as [K, ...K[]],
  labels,
});

/** Monthly resources of a person of the household. */
export const RESOURCE_TYPES = labelled({
  salaire: 'Salaire',
  are: 'Allocation chômage (ARE)',
  rsa: 'RSA',
  prime_activite: 'Prime d’activité',
  aah: 'AAH',
  pension_retraite: 'Pension de retraite',
  pension_invalidite: 'Pension d’invalidité',
  indemnites_journalieres: 'Indemnités journalières',
  prestations_familiales: 'Prestations familiales',
  al_apl: 'Aide au logement (AL / APL)',
  ars: 'Allocation de rentrée scolaire (ARS)',
  aeeh: 'AEEH',
  pension_alimentaire: 'Pension alimentaire reçue',
  bourse: 'Bourse d’études',
  autre: 'Autre ressource',
});
export type ResourceType = (typeof RESOURCE_TYPES.codes)[number];

/** Monthly charges of the household. */
export const CHARGE_TYPES = labelled({
  loyer: 'Loyer (hors charges)',
  charges_locatives: 'Charges locatives',
  energie: 'Énergie (électricité, gaz)',
  eau: 'Eau',
  assurance_habitation: 'Assurance habitation',
  mutuelle: 'Mutuelle',
  transport: 'Transport',
  telephone_internet: 'Téléphone, internet',
  credit: 'Crédit en cours',
  pension_versee: 'Pension alimentaire versée',
  impots: 'Impôts',
  garde_enfants: 'Garde d’enfants, cantine',
  autre: 'Autre charge',
});
export type ChargeType = (typeof CHARGE_TYPES.codes)[number];

/** Kinds of debt of the household. */
export const DEBT_TYPES = labelled({
  loyer: 'Dette de loyer',
  energie: 'Dette d’énergie',
  eau: 'Dette d’eau',
  telephone: 'Dette de téléphone, internet',
  credit: 'Crédit à la consommation',
  autre: 'Autre dette',
});
export type DebtType = (typeof DEBT_TYPES.codes)[number];

/** The two schemes an application belongs to: the FSL (Paris Solidarité Habitat) or the Paris optional aids. */
export const AID_SCHEMES = labelled({ fsl: 'FSL (Paris Solidarité Habitat)', paris: 'Aide facultative de Paris' });
export type AidScheme = (typeof AID_SCHEMES.codes)[number];

/** FSL families (domain.md §4). */
export const FSL_FAMILIES = labelled({
  acces: 'FSL accès',
  maintien: 'FSL maintien',
  energie: 'FSL énergie',
  eau: 'FSL eau',
  telephone: 'FSL téléphone, internet',
});
export type FslFamily = (typeof FSL_FAMILIES.codes)[number];

/** The costs an FSL accès aid covers. */
export const FSL_ACCES_ITEMS = labelled({
  depot_garantie: 'Dépôt de garantie',
  premier_loyer: 'Premier loyer',
  assurance: 'Assurance habitation',
  frais_agence: 'Frais d’agence',
  demenagement: 'Déménagement',
  mobilier: 'Mobilier, installation',
});
export type FslAccesItem = (typeof FSL_ACCES_ITEMS.codes)[number];

/** Stage of the eviction procedure of an FSL maintien request. */
export const PROCEDURE_STAGES = labelled({
  aucune: 'Aucune procédure',
  commandement_payer: 'Commandement de payer',
  assignation: 'Assignation',
  jugement: 'Jugement',
  concours_force_publique: 'Concours de la force publique',
});
export type ProcedureStage = (typeof PROCEDURE_STAGES.codes)[number];

/** Forms of an FSL aid (loi 90-449 art. 6). */
export const AID_FORMS = labelled({
  subvention: 'Subvention',
  pret: 'Prêt sans intérêt',
  garantie: 'Garantie',
  cautionnement: 'Cautionnement',
});
export type AidForm = (typeof AID_FORMS.codes)[number];

/** The urgent path the law makes mandatory (loi 90-449 art. 6-1). */
export const URGENCY_REASONS = labelled({
  signature_bail: 'Signature d’un bail',
  coupure_imminente: 'Coupure imminente (eau, énergie, téléphone)',
  assignation: 'Assignation aux fins de résiliation du bail',
});
export type UrgencyReason = (typeof URGENCY_REASONS.codes)[number];

/** The Paris optional aids (CASVP règlement municipal 2019, domain.md §5). */
export const PARIS_AIDS = labelled({
  paris_solidarite: 'Paris Solidarité',
  complement_sante_paris: 'Complément Santé Paris',
  paris_logement: 'Paris Logement',
  paris_forfait_familles: 'Paris Forfait Familles',
  paris_logement_familles: 'Paris Logement Familles',
  paris_logement_familles_monoparentales: 'Paris Logement Familles Monoparentales',
  paris_energie_familles: 'Paris Énergie Familles',
  allocation_exceptionnelle: 'Allocation exceptionnelle',
});
export type ParisAid = (typeof PARIS_AIDS.codes)[number];
export type AidType = FslFamily | ParisAid;

/** Who is paid: the third party (landlord, supplier) or the person. */
export const PAYEES = labelled({ bailleur: 'Bailleur', fournisseur: 'Fournisseur', personne: 'La personne' });
export type Payee = (typeof PAYEES.codes)[number];

/** The label of an aid type, whichever the scheme. */
export const aidTypeLabel = (t: string): string =>
  (FSL_FAMILIES.labels as Record<string, string>)[t] ?? (PARIS_AIDS.labels as Record<string, string>)[t] ?? 'Aide';

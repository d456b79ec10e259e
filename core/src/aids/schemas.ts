import { z } from 'zod';
import { AnyDate, OptionalText, RequiredText, Uuid, choiceError } from '../schemas/common.js';
import {
  AID_FORMS,
  AID_SCHEMES,
  CHARGE_TYPES,
  DEBT_TYPES,
  FSL_ACCES_ITEMS,
  FSL_FAMILIES,
  PARIS_AIDS,
  PAYEES,
  PROCEDURE_STAGES,
  RESOURCE_TYPES,
  URGENCY_REASONS,
} from './codes.js';
import { AID_STATES } from './workflow.js';

/** Inputs of the budget and aid-application routes (docs/api.md, "Budget et aides"): strict, French messages. */

/** Integer cents, never negative, at most one million euros. */
const Cents = (label: string) =>
  z
    .number({ error: `${label} : montant en centimes attendu` })
    .int({ error: `${label} : montant entier en centimes attendu` })
    .min(0, { error: `${label} : le montant ne peut pas être négatif` })
    .max(100_000_000, { error: `${label} : montant trop élevé` });
const PositiveCents = (label: string) => Cents(label).min(1, { error: `${label} : montant supérieur à zéro attendu` });
const pick = <T extends [string, ...string[]]>(codes: T, label: string) => z.enum(codes, { error: choiceError(label) });

export const BudgetResourceInput = z
  .object({
    personId: Uuid.nullable().optional(),
    type: pick(RESOURCE_TYPES.codes, 'Type de ressource'),
    monthlyCents: Cents('Montant mensuel'),
    label: OptionalText(80, 'Précision'),
  })
  .strict();
export const BudgetChargeInput = z
  .object({
    type: pick(CHARGE_TYPES.codes, 'Type de charge'),
    monthlyCents: Cents('Montant mensuel'),
    label: OptionalText(80, 'Précision'),
  })
  .strict();
export const BudgetDebtInput = z
  .object({
    type: pick(DEBT_TYPES.codes, 'Type de dette'),
    creditor: RequiredText(120, 'Le créancier'),
    amountCents: Cents('Montant de la dette'),
    monthlyRepaymentCents: Cents('Remboursement mensuel'),
  })
  .strict();

/** The whole budget, replaced at once; `version` is the optimistic lock (0 creates it). */
export const BudgetPutInput = z
  .object({
    version: z
      .number({ error: 'Numéro de version attendu' })
      .int({ error: 'Le numéro de version est un nombre entier' })
      .min(0, { error: 'Le numéro de version ne peut pas être négatif' })
      .max(1_000_000, { error: 'Numéro de version trop grand' }),
    resources: z.array(BudgetResourceInput).max(60, { error: '60 ressources au plus' }),
    charges: z.array(BudgetChargeInput).max(60, { error: '60 charges au plus' }),
    debts: z.array(BudgetDebtInput).max(40, { error: '40 dettes au plus' }),
  })
  .strict();
export type BudgetPutInput = z.infer<typeof BudgetPutInput>;

const YesNo = (label: string) => z.boolean({ error: `${label} : oui ou non` }).optional();

/** Facts for the eligibility pre-check (unknown: left out). */
export const EligibilityFactsInput = z
  .object({
    parisResidenceMonths: z
      .number({ error: 'Durée de résidence : nombre de mois attendu' })
      .int({ error: 'Durée de résidence : nombre entier de mois' })
      .min(0, { error: 'Durée de résidence : de 0 à 60 mois' })
      .max(60, { error: 'Durée de résidence : de 0 à 60 mois' })
      .optional(),
    titreSejourValidUntil: AnyDate.optional(),
    handicap: YesNo('Handicap reconnu'),
    inapteTravail: YesNo('Inaptitude au travail'),
    disabledChild: YesNo('Enfant handicapé'),
    rentArrears: YesNo('Impayé de loyer'),
  })
  .strict();
export type EligibilityFactsInput = z.infer<typeof EligibilityFactsInput>;

const FSL_TYPES = FSL_FAMILIES.codes as readonly string[];
const PARIS_TYPES = PARIS_AIDS.codes as readonly string[];

/** A new application (a brouillon) on a file, with a snapshot of the file's budget. */
export const AidApplicationCreateInput = z
  .object({
    scheme: pick(AID_SCHEMES.codes, 'Dispositif'),
    aidType: pick([...FSL_FAMILIES.codes, ...PARIS_AIDS.codes] as [string, ...string[]], 'Aide demandée'),
    form: pick(AID_FORMS.codes, 'Forme de l’aide'),
    requestedCents: PositiveCents('Montant demandé'),
    urgency: pick(URGENCY_REASONS.codes, 'Motif d’urgence').nullable().optional(),
    procedureStage: pick(PROCEDURE_STAGES.codes, 'Stade de la procédure').nullable().optional(),
    accesItems: z.array(pick(FSL_ACCES_ITEMS.codes, 'Dépense couverte')).max(6).optional(),
    payee: pick(PAYEES.codes, 'Bénéficiaire du paiement'),
    creditorName: OptionalText(120, 'Créancier'),
    contractRef: OptionalText(60, 'Référence du contrat'),
    facts: EligibilityFactsInput.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const fsl = v.scheme === 'fsl';
    if (fsl ? !FSL_TYPES.includes(v.aidType) : !PARIS_TYPES.includes(v.aidType))
      ctx.addIssue({ code: 'custom', path: ['aidType'], message: 'Cette aide n’appartient pas au dispositif choisi' });
    if (!fsl && v.form !== 'subvention')
      ctx.addIssue({ code: 'custom', path: ['form'], message: 'Une aide de Paris est versée en subvention' });
    if (fsl && v.aidType === 'maintien' && !v.procedureStage)
      ctx.addIssue({ code: 'custom', path: ['procedureStage'], message: 'Indiquez le stade de la procédure' });
    if (v.payee !== 'personne' && !v.creditorName)
      ctx.addIssue({ code: 'custom', path: ['creditorName'], message: 'Indiquez le créancier à payer' });
  });
export type AidApplicationCreateInput = z.infer<typeof AidApplicationCreateInput>;

/** A change of status, with what a decision carries. */
export const AidTransitionInput = z
  .object({
    to: pick(AID_STATES as unknown as [string, ...string[]], 'Nouveau statut'),
    reason: OptionalText(1000, 'Motif'),
    amountCents: PositiveCents('Montant accordé').optional(),
    form: pick(AID_FORMS.codes, 'Forme de l’aide').optional(),
    loanMonths: z
      .number({ error: 'Durée du prêt : nombre de mois attendu' })
      .int({ error: 'Durée du prêt : nombre entier de mois' })
      .min(1, { error: 'Durée du prêt : de 1 à 36 mois' })
      .max(36, { error: 'Durée du prêt : de 1 à 36 mois' })
      .optional(),
    /** An accord beyond the 12-month limit of an FSL aid: why (core/src/aids/limits.ts). */
    derogationReason: OptionalText(1000, 'Motif de la dérogation'),
  })
  .strict();
export type AidTransitionInput = z.infer<typeof AidTransitionInput>;

/** The facts of the pre-check, corrected before the decision. */
export const AidFactsPutInput = EligibilityFactsInput;

/** A repayment of a loan. */
export const RepaymentInput = z.object({ paidOn: AnyDate, amountCents: PositiveCents('Montant remboursé') }).strict();
export type RepaymentInput = z.infer<typeof RepaymentInput>;

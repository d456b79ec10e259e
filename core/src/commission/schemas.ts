import { z } from 'zod';
import { AnyDate, OptionalText, Uuid, choiceError } from '../schemas/common.js';

/** Commission sessions (docs/api.md, "Commissions"). */
export const COMMISSION_KINDS = { ordinaire: 'Ordinaire', urgente: 'Urgente' } as const;
export type CommissionKind = keyof typeof COMMISSION_KINDS;

/**
 * A session: a day, ordinary or urgent, of a site (a responsable's own; the administration names it), optionally
 * labelled with the territory it serves. Its agenda takes the applications of the site's files.
 */
export const CommissionSessionInput = z
  .object({
    sessionDate: AnyDate,
    kind: z.enum(['ordinaire', 'urgente'], { error: choiceError('Type de commission') }),
    siteId: Uuid.optional(),
    territory: OptionalText(120, 'Territoire'),
    /** `ville`: the city-level FSL commission (the administration), with no site. */
    level: z.enum(['site', 'ville'], { error: choiceError('Niveau de la commission') }).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.level === 'ville' && s.siteId)
      ctx.addIssue({
        code: 'custom',
        path: ['siteId'],
        message: 'Une commission de la Ville examine les demandes FSL de tous les sites : pas de site',
      });
  });
export type CommissionSessionInput = z.infer<typeof CommissionSessionInput>;

export const AgendaInput = z
  .object({
    applicationIds: z
      .array(Uuid, { error: 'Liste de demandes attendue' })
      .min(1, { error: 'Choisissez au moins une demande' })
      .max(500, { error: '500 demandes au plus par ordre du jour' }),
  })
  .strict();
export type AgendaInput = z.infer<typeof AgendaInput>;

export const DECISION_OUTCOMES = {
  accord: 'Accord',
  accord_partiel: 'Accord partiel',
  refus: 'Refus',
  ajournement: 'Ajournement',
} as const;
export type DecisionOutcome = keyof typeof DECISION_OUTCOMES;

/** One decision of the bulk recording; an amount for an accord, a reason for anything but a full accord. */
export const CommissionDecision = z
  .object({
    applicationId: Uuid,
    outcome: z.enum(['accord', 'accord_partiel', 'refus', 'ajournement'], { error: choiceError('Décision') }),
    amountCents: z
      .number({ error: 'Montant : nombre entier de centimes attendu' })
      .int({ error: 'Montant : nombre entier de centimes attendu' })
      .min(1, { error: 'Montant : au moins 1 centime' })
      .max(10_000_000, { error: 'Montant : 100 000 € au plus' })
      .optional(),
    reason: OptionalText(1000, 'Motif'),
    /** The form granted when it differs from the request (a subvention granted as a loan). */
    form: z
      .enum(['subvention', 'pret', 'garantie', 'cautionnement'], { error: choiceError('Forme de l’aide') })
      .optional(),
    loanMonths: z
      .number({ error: 'Durée du prêt : nombre de mois attendu' })
      .int({ error: 'Durée du prêt : nombre entier de mois' })
      .min(1, { error: 'Durée du prêt : de 1 à 36 mois' })
      .max(36, { error: 'Durée du prêt : de 1 à 36 mois' })
      .optional(),
    /** An accord beyond the 12-month limit of an FSL aid: why (core/src/aids/limits.ts). */
    derogationReason: OptionalText(1000, 'Motif de la dérogation'),
  })
  .strict()
  .superRefine((d, ctx) => {
    const granted = d.outcome === 'accord' || d.outcome === 'accord_partiel';
    if (granted && d.amountCents === undefined)
      ctx.addIssue({ code: 'custom', path: ['amountCents'], message: 'Montant obligatoire pour un accord' });
    if (!granted && d.amountCents !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['amountCents'],
        message: 'Pas de montant pour un refus ou un ajournement',
      });
    if (d.outcome !== 'accord' && !d.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Motif obligatoire pour cette décision' });
  });
export type CommissionDecision = z.infer<typeof CommissionDecision>;

export const BulkDecisionsInput = z
  .object({
    decisions: z
      .array(CommissionDecision, { error: 'Liste de décisions attendue' })
      .min(1, { error: 'Au moins une décision' })
      .max(500, { error: '500 décisions au plus' }),
  })
  .strict()
  .refine((b) => new Set(b.decisions.map((d) => d.applicationId)).size === b.decisions.length, {
    error: 'Une demande figure deux fois',
    path: ['decisions'],
  });
export type BulkDecisionsInput = z.infer<typeof BulkDecisionsInput>;

export const CommissionListQuery = z.object({
  status: z.enum(['all', 'open'], { error: choiceError('Statut') }).default('all'),
});

/**
 * The voies de recours printed on every notification (domain.md §5: a refusal is reasoned and states the appeal
 * routes; code des relations entre le public et l'administration L411-2, code de justice administrative R421-1).
 */
export const AID_VOIES_DE_RECOURS =
  'Voies de recours : vous pouvez contester cette décision dans un délai de deux mois à compter de sa notification, ' +
  'par un recours gracieux adressé au président de la commission, ou par un recours contentieux devant le tribunal ' +
  'administratif de Paris (7 rue de Jouy, 75181 Paris Cedex 04), y compris par l’application Télérecours citoyens ' +
  '(www.telerecours.fr). Le recours gracieux prolonge le délai du recours contentieux.';

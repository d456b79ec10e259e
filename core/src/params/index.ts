import { z } from 'zod';
import { AID_PARAMETERS } from '../aids/params.js';

/**
 * Parameters with validity dates (docs/architecture.md, "Parameters"): each value holds from `validFrom` (included) to
 * `validTo` (excluded, open when null). A decision reads the value at its own date with `paramAt`, and keeps the value it
 * used; the admin schedules a future version, never rewrites the past.
 */
export const PARAMETERS = {
  'retention.dossier.activeDays': {
    label: 'Conservation du dossier après le dernier contact (jours)',
    defaultValue: 730,
    min: 365,
    max: 3650,
  },
  'retention.journaux.activeDays': {
    label: 'Conservation du journal de sécurité (jours)',
    defaultValue: 365,
    min: 180,
    max: 3650,
  },
  'statistics.primaryThreshold': { label: 'Seuil du secret statistique', defaultValue: 5, min: 3, max: 50 },
  'statistics.sensitiveThreshold': {
    label: 'Seuil du secret statistique (variables sensibles)',
    defaultValue: 11,
    min: 5,
    max: 100,
  },
  // The aids' amounts and ceilings (core/src/aids/params.ts).
  ...AID_PARAMETERS,
  // RSA (docs/api.md, "RSA"): the target delay to the orientation decision is set in weeks (décret of 2024).
  'rsa.orientation.targetWeeks': {
    label: 'RSA : délai cible entre l’entrée dans les droits et devoirs et l’orientation (semaines)',
    defaultValue: 4,
    min: 1,
    max: 52,
  },
  'rsa.contract.signatureMonths': {
    label: 'RSA : délai de signature du contrat d’engagement après la notification de l’orientation (mois)',
    defaultValue: 1,
    min: 1,
    max: 6,
  },
  'rsa.contract.minWeeklyHours': {
    label: 'RSA : durée hebdomadaire d’activité du contrat d’engagement (heures)',
    defaultValue: 15,
    min: 1,
    max: 35,
  },
  // RSA équipe pluridisciplinaire and sanctions (docs/domain.md §3; décret du 30 mai 2025): every rate and delay.
  'rsa.ep.observationsDays': {
    label: 'RSA : délai pour présenter ses observations (jours)',
    defaultValue: 10,
    min: 10,
    max: 60,
  },
  'rsa.ep.avisDays': {
    label: 'RSA : délai après lequel l’avis de l’EP est réputé rendu (jours)',
    defaultValue: 30,
    min: 7,
    max: 90,
  },
  'rsa.sanction.minRate': { label: 'RSA : taux minimal de suspension (%)', defaultValue: 30, min: 1, max: 100 },
  'rsa.sanction.maxRate': { label: 'RSA : taux maximal de suspension (%)', defaultValue: 100, min: 1, max: 100 },
  'rsa.sanction.multiPersonMaxRate': {
    label: 'RSA : taux maximal pour un foyer de plusieurs personnes (%)',
    defaultValue: 50,
    min: 1,
    max: 100,
  },
  'rsa.sanction.firstMaxMonths': {
    label: 'RSA : durée maximale, premier manquement (mois)',
    defaultValue: 2,
    min: 1,
    max: 12,
  },
  'rsa.sanction.repeatMaxMonths': {
    label: 'RSA : durée maximale, manquement répété (mois)',
    defaultValue: 4,
    min: 1,
    max: 12,
  },
  'rsa.sanction.baseAmountCents': {
    label: 'RSA : montant forfaitaire de référence, personne seule (centimes)',
    defaultValue: 64652,
    min: 10000,
    max: 500000,
  },
} as const satisfies Record<string, { label: string; defaultValue: number; min: number; max: number }>;

export type ParamName = keyof typeof PARAMETERS;
export const PARAM_NAMES = Object.keys(PARAMETERS) as ParamName[];
export type ParamValues = Record<ParamName, number>;

export interface ParamVersion {
  id?: string;
  name: ParamName;
  value: number;
  /** yyyy-mm-dd, included. */
  validFrom: string;
  /** yyyy-mm-dd, excluded; null while no later version is scheduled. */
  validTo: string | null;
}

const dayOf = (d: string | Date): string => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** The value of `name` on `date` (a version covering the day, else the built-in default). Pure. */
export function paramAt(versions: readonly ParamVersion[], name: ParamName, date: string | Date): number {
  const day = dayOf(date);
  const v = versions.find((x) => x.name === name && x.validFrom <= day && (x.validTo === null || day < x.validTo));
  return v ? v.value : PARAMETERS[name].defaultValue;
}

/** Every parameter's value on `date`. */
export const paramsAt = (versions: readonly ParamVersion[], date: string | Date): ParamValues =>
  Object.fromEntries(PARAM_NAMES.map((n) => [n, paramAt(versions, n, date)])) as ParamValues;

export type ParamPlan =
  | { ok: true; action: 'update'; id: string | undefined }
  | { ok: true; action: 'append'; closeId: string | undefined }
  | { ok: false; code: 'param_past' | 'param_range' | 'param_order'; message: string };

/**
 * How a new version is recorded: it starts after today (the past is never rewritten); a version already scheduled on
 * the same day gets the new value; otherwise the latest version is closed the day the new one starts.
 */
export function planParamVersion(
  versions: readonly ParamVersion[],
  input: { name: ParamName; value: number; validFrom: string },
  today: string,
): ParamPlan {
  const def = PARAMETERS[input.name];
  if (input.value < def.min || input.value > def.max)
    return { ok: false, code: 'param_range', message: `La valeur doit être comprise entre ${def.min} et ${def.max}` };
  if (input.validFrom <= today)
    return { ok: false, code: 'param_past', message: 'Une nouvelle valeur prend effet au plus tôt demain' };
  const mine = versions.filter((v) => v.name === input.name).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const latest = mine.at(-1);
  if (latest && input.validFrom < latest.validFrom)
    return {
      ok: false,
      code: 'param_order',
      message: `Une valeur est déjà prévue à partir du ${latest.validFrom} : modifiez-la ou choisissez une date postérieure`,
    };
  if (latest && input.validFrom === latest.validFrom) return { ok: true, action: 'update', id: latest.id };
  return { ok: true, action: 'append', closeId: latest?.id };
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
export const SetParamInput = z
  .object({
    name: z.enum(PARAM_NAMES as [ParamName, ...ParamName[]], { error: 'Paramètre inconnu' }),
    value: z.number({ error: 'Valeur numérique attendue' }).int({ error: 'Valeur entière attendue' }),
    validFrom: z
      .string({ error: 'Date d’effet attendue' })
      .regex(DAY_RE, { error: 'Date d’effet invalide : saisissez jj/mm/aaaa' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    const def = PARAMETERS[v.name];
    if (v.value < def.min || v.value > def.max)
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `La valeur doit être comprise entre ${def.min} et ${def.max}`,
      });
  });
export type SetParamInput = z.infer<typeof SetParamInput>;

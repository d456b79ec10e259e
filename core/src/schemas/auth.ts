import { z } from 'zod';
import { ROLES } from '../domain/roles.js';
import { Email, RequiredText, Uuid, hasNoControlChars, hasNoLoneSurrogate, loneSurrogateError } from './common.js';

/** A password as typed at login or to confirm an action: any text but half a Unicode character. */
export const Password = z
  .string({ error: 'Mot de passe obligatoire' })
  .min(1, { error: 'Mot de passe obligatoire' })
  .max(200)
  .refine(hasNoLoneSurrogate, loneSurrogateError('Mot de passe'));

export const LoginInput = z
  .object({
    email: z
      .string({ error: 'Adresse électronique obligatoire' })
      .trim()
      .toLowerCase()
      .min(3)
      .max(200)
      .refine(hasNoControlChars, { error: 'Adresse électronique invalide' })
      .refine(hasNoLoneSurrogate, loneSurrogateError('Adresse électronique')),
    password: Password,
    /** Second step, for an account with a TOTP factor: the 6-digit code or a recovery code. */
    code: z
      .string({ error: 'Code invalide' })
      .trim()
      .min(1, { error: 'Code obligatoire' })
      .max(40, { error: 'Code trop long' })
      .optional(),
  })
  .strict();
export type LoginInput = z.infer<typeof LoginInput>;

export const PASSWORD_MIN_LENGTH = 12;
export const NewPassword = z
  .string({ error: 'Mot de passe obligatoire' })
  .min(PASSWORD_MIN_LENGTH, { error: `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères` })
  .max(200, { error: 'Le mot de passe doit compter au plus 200 caractères' })
  .refine(hasNoLoneSurrogate, loneSurrogateError('Mot de passe'));

export const ChangePasswordInput = z
  .object({
    currentPassword: z
      .string({ error: 'Mot de passe actuel obligatoire' })
      .min(1, { error: 'Mot de passe actuel obligatoire' })
      .max(200)
      .refine(hasNoLoneSurrogate, loneSurrogateError('Mot de passe actuel')),
    newPassword: NewPassword,
  })
  .strict();
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const SetupInput = z
  .object({
    email: Email,
    displayName: RequiredText(100, 'Le nom'),
    password: NewPassword,
  })
  .strict();
export type SetupInput = z.infer<typeof SetupInput>;

export const CreateSiteInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{2,30}$/, { error: 'Code : minuscules, chiffres et tirets (2 à 30)' }),
    name: RequiredText(120, 'Le nom du site'),
    kind: z.enum(['EPS', 'PSA'], { error: 'Type de site invalide' }),
    arrondissements: z
      .array(z.number().int().min(1).max(20, { error: 'Arrondissement entre 1 et 20' }))
      .max(20)
      .default([]),
  })
  .strict();
export const UpdateSiteInput = CreateSiteInput.omit({ code: true })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { error: 'Aucune modification à enregistrer' });

export const CreateTeamInput = z.object({ siteId: Uuid, name: RequiredText(100, 'Le nom de l’équipe') }).strict();
export const UpdateTeamInput = z.object({ name: RequiredText(100, 'Le nom de l’équipe') }).strict();

/** At most 10 teams, each named once (a repeated team would break the user–team key). */
const TeamIds = z
  .array(Uuid)
  .max(10)
  .refine((ids) => new Set(ids).size === ids.length, { error: 'Une même équipe est indiquée deux fois' });

export const CreateUserInput = z
  .object({
    email: Email,
    displayName: RequiredText(100, 'Le nom'),
    role: z.enum(ROLES, { error: 'Rôle invalide' }),
    siteId: Uuid.nullable().default(null),
    teamIds: TeamIds.default([]),
    password: NewPassword,
  })
  .strict();
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z
  .object({
    displayName: RequiredText(100, 'Le nom'),
    role: z.enum(ROLES, { error: 'Rôle invalide' }),
    siteId: Uuid.nullable(),
    teamIds: TeamIds,
    active: z.boolean(),
    password: NewPassword,
  })
  .partial()
  .strict();
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

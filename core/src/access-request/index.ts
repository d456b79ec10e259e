import { z } from 'zod';
import type { Actor, UsagerTarget } from '../policy/actor.js';
import { isReferentOn } from '../policy/usager.js';
import { OptionalText, PastDate, Uuid } from '../schemas/common.js';

/**
 * The person's right of access (RGPD art. 15), docs/security.md "Demandes d’accès (Access requests)": a request is recorded (who asked,
 * when, how identity was checked), the DPO produces the whole file within one month, the référents are notified.
 * A référent may print for the person only what the référent reads in the journal.
 */

/** Who asked: the person or a representative (legal representative, mandated person). */
export const ACCESS_REQUESTERS = {
  personne: 'La personne elle-même',
  representant: 'Un représentant (représentant légal, mandataire)',
} as const;
export type AccessRequester = keyof typeof ACCESS_REQUESTERS;

/** How the identity of the requester was checked. */
export const IDENTITY_CHECKS = {
  piece_presentee: 'Pièce d’identité présentée à l’accueil',
  copie_piece: 'Copie de pièce d’identité jointe à la demande',
  connue_du_service: 'Personne connue du service, reconnue par son référent',
  mandat_verifie: 'Mandat ou jugement de représentation vérifié',
} as const;
export type IdentityCheck = keyof typeof IDENTITY_CHECKS;

/** The legal deadline to answer: one month from the request (RGPD art. 12.3). */
export const ACCESS_REQUEST_MONTHS = 1;

/** `receivedOn` + one month, as yyyy-mm-dd (31 January → 28 or 29 February, the last day of the shorter month). */
export const accessRequestDueOn = (receivedOn: string): string => {
  const [y, m, d] = receivedOn.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + ACCESS_REQUEST_MONTHS + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + ACCESS_REQUEST_MONTHS, Math.min(d, last))).toISOString().slice(0, 10);
};

/** `POST /api/usagers/:id/access-requests`. */
export const AccessRequestInput = z
  .object({
    requester: z.enum(['personne', 'representant'], { error: 'Demandeur : la personne ou un représentant' }),
    representativeName: OptionalText(200, 'Nom du représentant'),
    receivedOn: PastDate,
    identityCheck: z.enum(Object.keys(IDENTITY_CHECKS) as [IdentityCheck, ...IdentityCheck[]], {
      error: 'Vérification d’identité : choisissez une valeur dans la liste',
    }),
    identityNote: OptionalText(500, 'Précision sur la vérification'),
  })
  .strict()
  .refine((v) => v.requester !== 'representant' || !!v.representativeName, {
    error: 'Nom du représentant est obligatoire',
    path: ['representativeName'],
  });
export type AccessRequestInput = z.infer<typeof AccessRequestInput>;

export const AccessRequestListQuery = z.object({
  status: z.enum(['pending', 'produced', 'all'], { error: 'Statut : pending, produced ou all' }).default('pending'),
});
export const AccessRequestExportParams = z.object({ id: Uuid });

/** One request, as the DPO's list and the file show it. */
export interface AccessRequestDto {
  id: string;
  caseFileId: string;
  fileNumber: string;
  requester: { code: AccessRequester; label: string };
  representativeName: string | null;
  receivedOn: string;
  identityCheck: { code: IdentityCheck; label: string };
  identityNote: string | null;
  recordedAt: string;
  recordedByRole: string;
  dueOn: string;
  /** Not produced and past the due day. */
  overdue: boolean;
  producedAt: string | null;
}

/** The référent or the responsable of the file's site records a request; the DPO too (a request sent to the DPO). */
export const canRecordAccessRequest = (a: Actor, f: UsagerTarget): boolean =>
  a.role === 'dpo' ||
  (a.role === 'travailleur_social' && isReferentOn(a, f)) ||
  (a.role === 'responsable' && a.siteId !== null && a.siteId === f.siteId);

/** The whole file, private notes included, is produced by the DPO only (docs/security.md, "Demandes d’accès (Access requests)"). */
export const canProduceAccessExport = (a: Actor): boolean => a.role === 'dpo';

/** A référent prints for the person what the référent reads; a motivated access or a responsable never. */
export const canPrintForPerson = (a: Actor, f: UsagerTarget): boolean =>
  a.role === 'travailleur_social' && isReferentOn(a, f);

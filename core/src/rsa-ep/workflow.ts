import type { Workflow } from '../workflow/engine.js';

/**
 * A passage before the équipe pluridisciplinaire (docs/domain.md §3, L262-39): a person inscribed (réorientation or
 * manquement) by the worker who instructs it; the EP gives its avis after the session, or the avis is deemed given once
 * the delay in force has passed; then a decision, never by whoever instructed (maker-checker). Before any sanction the
 * person may present observations until their deadline (the contradictoire).
 */
export const EP_STATES = ['inscrit', 'avis_rendu', 'decide', 'annule'] as const;
export type EpState = (typeof EP_STATES)[number];

export const EP_STATE_LABELS: Record<EpState, string> = {
  inscrit: 'Inscrit à l’ordre du jour',
  avis_rendu: 'Avis rendu',
  decide: 'Décision prise',
  annule: 'Retiré de l’ordre du jour',
};

export const EP_MOTIFS = ['reorientation', 'manquement'] as const;
export type EpMotif = (typeof EP_MOTIFS)[number];
export const EP_MOTIF_LABELS: Record<EpMotif, string> = {
  reorientation: 'Réorientation',
  manquement: 'Manquement aux devoirs (sanction envisagée)',
};

/** What the guards read: the request's time, the session, the contradictoire and the avis delay. */
export interface EpFacts {
  now: Date;
  sessionDate: string;
  motif: EpMotif;
  observationsReceived: boolean;
  /** yyyy-mm-dd: the last day the person may present observations. */
  observationsDeadline: string;
  /** yyyy-mm-dd: from this day on the EP's avis is deemed given. */
  avisDeemedFrom: string;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const held = (f: EpFacts) =>
  day(f.now) >= f.sessionDate ? null : 'L’équipe pluridisciplinaire ne s’est pas encore réunie';
const contradictoire = (f: EpFacts) =>
  f.motif !== 'manquement' || f.observationsReceived || day(f.now) > f.observationsDeadline
    ? null
    : `La personne peut présenter ses observations jusqu’au ${f.observationsDeadline} : attendez-les avant de décider`;
const deemed = (f: EpFacts) =>
  day(f.now) >= f.avisDeemedFrom
    ? null
    : `L’avis de l’équipe pluridisciplinaire n’est pas rendu ; il sera réputé rendu le ${f.avisDeemedFrom}`;
const all =
  (...gs: ((f: EpFacts) => string | null)[]) =>
  (f: EpFacts) =>
    gs.map((g) => g(f)).find((x) => x !== null) ?? null;

const WORKERS = ['travailleur_social', 'responsable'] as const;

export const EP_WORKFLOW: Workflow<EpState, EpFacts> = {
  name: 'rsa_ep',
  states: EP_STATES,
  transitions: [
    { from: ['inscrit'], to: 'avis_rendu', roles: WORKERS, guard: held },
    { from: ['avis_rendu'], to: 'decide', roles: ['responsable'], guard: contradictoire, decides: true },
    { from: ['inscrit'], to: 'decide', roles: ['responsable'], guard: all(deemed, contradictoire), decides: true },
    { from: ['inscrit', 'avis_rendu'], to: 'annule', roles: WORKERS },
  ],
};

/** yyyy-mm-dd plus `days`. */
export const plusDays = (d: string, days: number): string => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
};

/**
 * Retention periods per record type (docs/adr/005-retention-anonymisation.md; domain.md §1.3): the one place to change a duration.
 * `dossier`: a social-work file stays in the active base until 2 years after the last contact with the person, then
 * goes to the intermediate archive (only on a written legal reason) or is anonymised. `journaux`: the security log is
 * kept 1 year, then purged through a checkpoint of the hash chain.
 */
export const RETENTION_PERIODS = {
  dossier: { activeDays: 730, noticeDays: 30, maxHoldDays: 3 * 365, maxArchiveDays: 10 * 365 },
  journaux: { activeDays: 365 },
} as const;
export type RetentionRecordType = keyof typeof RETENTION_PERIODS;

export const RETENTION_HOLD_KINDS = ['prolongation', 'archive'] as const;
export type RetentionHoldKind = (typeof RETENTION_HOLD_KINDS)[number];

/** Why a référent keeps a file active past its deadline, or asks for the intermediate archive (legal reasons only). */
export const RETENTION_HOLD_REASONS = {
  prolongation: {
    accompagnement_en_cours: 'Accompagnement en cours ou repris',
    procedure_en_cours: 'Procédure en cours (recours, demande d’aide, mesure)',
    autre: 'Autre motif (préciser)',
  },
  archive: {
    contentieux: 'Contentieux ou précontentieux (délai de prescription)',
    obligation_comptable: 'Obligation comptable ou fiscale (aides versées)',
    preuve: 'Conservation à titre de preuve',
    autre: 'Autre obligation légale (préciser)',
  },
} as const;

export type RetentionState = 'active' | 'archived' | 'anonymised';
export type RetentionAction = 'keep' | 'notice' | 'archive' | 'anonymise';

export interface RetentionFacts {
  state: RetentionState;
  lastContactAt: Date | null;
  openedAt: Date;
  holdKind: RetentionHoldKind | null;
  /** End of the hold (yyyy-mm-dd): prolongation of the active base, or end of the intermediate archive. */
  holdUntil: string | null;
  /** The active-base duration in force (dated parameter `retention.dossier.activeDays`); 2 years by default. */
  activeDays?: number;
}

const DAY = 86_400_000;
/** End of a calendar day, Paris time being ahead of UTC: the day is counted whole. */
const endOfDay = (d: string): Date => new Date(`${d}T23:59:59.999Z`);

/** The day the file leaves the active base: 2 years after the last contact, or later if prolonged. */
export function retentionDeadline(f: RetentionFacts): Date {
  const base = new Date(
    (f.lastContactAt ?? f.openedAt).getTime() + (f.activeDays ?? RETENTION_PERIODS.dossier.activeDays) * DAY,
  );
  if (f.holdKind === 'prolongation' && f.holdUntil) {
    const held = endOfDay(f.holdUntil);
    return held > base ? held : base;
  }
  return base;
}

/**
 * What the engine does with a file today. Past the deadline, the file goes to the intermediate archive only when its
 * référent recorded a legal reason with an end date still ahead; otherwise it is anonymised. An archive ends in
 * anonymisation too. `notice`: the deadline is within 30 days, the référent sees it in their list.
 */
export function retentionAction(f: RetentionFacts, now: Date): RetentionAction {
  if (f.state === 'anonymised') return 'keep';
  if (f.state === 'archived') return f.holdUntil && endOfDay(f.holdUntil) > now ? 'keep' : 'anonymise';
  const deadline = retentionDeadline(f);
  if (deadline > new Date(now.getTime() + RETENTION_PERIODS.dossier.noticeDays * DAY)) return 'keep';
  if (deadline > now) return 'notice';
  if (f.holdKind === 'archive' && f.holdUntil && endOfDay(f.holdUntil) > now) return 'archive';
  return 'anonymise';
}

/** Age bands kept by the anonymisation: the birth date becomes the middle of the birth year. */
export const anonymisedBirthDate = (birthDate: string): string => `${birthDate.slice(0, 4)}-07-01`;

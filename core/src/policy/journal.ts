import { canPrintLetters } from '../letters/index.js';
import { SECRETARY_ENTRY_TYPES, type EntryType, type NoteVisibility } from '../domain/journal.js';
import type { Actor, UsagerTarget } from './actor.js';
import { canReadFullUsager, followsUsager, isReferentOn } from './usager.js';

/** The facts needed to decide on one journal entry. */
export interface EntryTarget {
  authorId: string;
  type: EntryType;
  visibility: NoteVisibility;
  /** Workers named on the entry (the appointment's worker among them). */
  workerIds: readonly string[];
}

const sameSite = (a: Actor, f: UsagerTarget) => a.siteId !== null && a.siteId === f.siteId;
const isAuthor = (a: Actor, e: EntryTarget) => a.id === e.authorId;
const isSecretaryOfSite = (a: Actor, f: UsagerTarget) => a.role === 'secretaire' && sameSite(a, f);

/**
 * Entry header (type, date, worker, motifs): author, référents and the référent's team; a secretary of the site
 * sees appointments and reception entries only. The rest of the site and other sites see nothing.
 */
export const canReadEntryHeader = (a: Actor, f: UsagerTarget, e: EntryTarget): boolean =>
  isAuthor(a, e) || canReadFullUsager(a, f) || (isSecretaryOfSite(a, f) && SECRETARY_ENTRY_TYPES.includes(e.type));

/** The note: `privee` author only (admins never); `referents` author + référents; `equipe` + the référent's team. Secretaries never. */
export const canReadEntryNote = (a: Actor, f: UsagerTarget, e: EntryTarget): boolean => {
  if (a.role !== 'travailleur_social') return false;
  if (isAuthor(a, e)) return true;
  if (e.visibility === 'privee') return false;
  if (e.visibility === 'referents') return isReferentOn(a, f);
  return canReadFullUsager(a, f);
};

/** Who records what: the following workers any type (never a motivated access, which is read only); a secretary of the site reception and appointments only. */
export const canCreateEntry = (a: Actor, f: UsagerTarget, type: EntryType): boolean =>
  followsUsager(a, f) || (isSecretaryOfSite(a, f) && SECRETARY_ENTRY_TYPES.includes(type));

/**
 * Only the author rewrites or deletes an entry (history kept after 24 h, soft delete with a reason), and only while
 * they may still write it: following the file, or the site's secretary for her entry types. An author who left the
 * team or the site keeps no write on their old entries.
 */
export const canEditEntry = (a: Actor, f: UsagerTarget, e: EntryTarget): boolean =>
  isAuthor(a, e) && canCreateEntry(a, f, e.type);

/**
 * Appointment status (honoré, non venu…): its worker, the following team, and the site's secretaries who receive;
 * the author or the named worker only while on the file's site.
 */
export const canSetAppointmentStatus = (a: Actor, f: UsagerTarget, e: EntryTarget): boolean =>
  e.type === 'rendez_vous' &&
  ((sameSite(a, f) && (isAuthor(a, e) || e.workerIds.includes(a.id))) ||
    followsUsager(a, f) ||
    isSecretaryOfSite(a, f));

/** A secretary never writes notes: the entry she records has none. */
export const canWriteNote = (a: Actor): boolean => a.role === 'travailleur_social';

export const entryAbilities = (a: Actor, f: UsagerTarget, e: EntryTarget) => ({
  readNote: canReadEntryNote(a, f, e),
  edit: canEditEntry(a, f, e),
  delete: canEditEntry(a, f, e),
  setStatus: canSetAppointmentStatus(a, f, e),
  /** The convocation PDF (docs/api.md, "Courriers"): an appointment, printed by the workers and secretaries. */
  printConvocation: e.type === 'rendez_vous' && canPrintLetters(a),
});
export type EntryAbilities = ReturnType<typeof entryAbilities>;

import { ENTRY_TYPES, type EntryType } from '@jalon/core';

/** One key per type in the new-entry form: a phone call is `n`, `a`, Ctrl+Entrée. */
export const TYPE_SHORTCUTS: Record<EntryType, string> = {
  appel_entrant: 'a',
  appel_sortant: 's',
  entretien_bureau: 'e',
  visite_domicile: 'v',
  entretien_telephonique: 't',
  entretien_visio: 'i',
  rendez_vous: 'r',
  orientation: 'o',
  demarche: 'd',
  accueil: 'c',
  note_synthese: 'y',
};

/** The order of the type picker: the most frequent first. */
const PICKER_ORDER: readonly EntryType[] = [
  'appel_entrant',
  'appel_sortant',
  'entretien_bureau',
  'visite_domicile',
  'entretien_telephonique',
  'entretien_visio',
  'rendez_vous',
  'orientation',
  'demarche',
  'accueil',
  'note_synthese',
].filter((t): t is EntryType => (ENTRY_TYPES as readonly string[]).includes(t));

/** The types the server allows on this file (`can.entryTypes`), in the picker's order. */
export const pickerTypes = (allowed: readonly EntryType[]): EntryType[] =>
  PICKER_ORDER.filter((t) => allowed.includes(t));

/** Usual length of each kind of entry, in minutes (the form's default; empty for a written note). */
export const DEFAULT_DURATION: Partial<Record<EntryType, number>> = {
  appel_entrant: 10,
  appel_sortant: 10,
  entretien_bureau: 45,
  visite_domicile: 60,
  entretien_telephonique: 30,
  entretien_visio: 45,
  rendez_vous: 30,
  orientation: 15,
  demarche: 15,
  accueil: 10,
};

/**
 * Types whose substance is the note (interviews, visits, a synthesis): picking one by its letter moves the focus
 * straight to the note ("find a usager and record an entretien with a note" in a handful of keys). Calls and
 * reception keep the focus on the way to the motifs.
 */
export const NOTE_FIRST_TYPES: ReadonlySet<EntryType> = new Set<EntryType>([
  'entretien_bureau',
  'visite_domicile',
  'entretien_telephonique',
  'entretien_visio',
  'note_synthese',
]);

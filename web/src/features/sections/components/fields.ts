import {
  CECRL_LEVELS,
  CONCERN_OUTCOMES,
  HEALTH_COVERAGES,
  RESIDENCE_PERMITS,
  type SensitiveSection,
} from '@jalon/core';

/** One input of a section form: `path` is the field's place in the section's JSON (also its error key). */
export interface FieldSpec {
  path: string;
  label: string;
  kind: 'date' | 'select' | 'yesno' | 'text';
  options?: Record<string, string>;
  hint?: string;
}

/** The forms of the sections, in the words of the field catalogue; there is deliberately no diagnosis field. */
export const SECTION_FIELDS: Record<SensitiveSection, FieldSpec[]> = {
  sejour: [
    { path: 'entryDate', label: 'Date d’entrée en France', kind: 'date' },
    { path: 'residencePermit.type', label: 'Titre de séjour', kind: 'select', options: RESIDENCE_PERMITS },
    { path: 'residencePermit.startDate', label: 'Titre valable du', kind: 'date' },
    { path: 'residencePermit.endDate', label: 'Titre valable jusqu’au', kind: 'date' },
  ],
  langue: [
    {
      path: 'frenchLevel',
      label: 'Niveau de français (déclaré par la personne, CECRL)',
      kind: 'select',
      options: CECRL_LEVELS,
    },
    { path: 'readsWrites.reads', label: 'Lit le français', kind: 'yesno' },
    { path: 'readsWrites.writes', label: 'Écrit le français', kind: 'yesno' },
    { path: 'interpreterLanguage.needed', label: 'Besoin d’un interprète', kind: 'yesno' },
    { path: 'interpreterLanguage.language', label: 'Langue de l’interprète', kind: 'text' },
  ],
  sante: [
    { path: 'healthCoverage', label: 'Couverture maladie', kind: 'select', options: HEALTH_COVERAGES },
    { path: 'gp.declared', label: 'Médecin traitant déclaré', kind: 'yesno' },
    { path: 'gp.name', label: 'Nom du médecin traitant', kind: 'text' },
    {
      path: 'disability.recognised',
      label: 'Reconnaissance du handicap (MDPH)',
      kind: 'yesno',
      hint: 'Sans diagnostic : seule la reconnaissance est notée.',
    },
    { path: 'disability.startDate', label: 'Reconnaissance valable du', kind: 'date' },
    { path: 'disability.endDate', label: 'Reconnaissance valable jusqu’au', kind: 'date' },
  ],
  enfance: [
    { path: 'concernSentAt', label: 'Information préoccupante transmise à la CRIP le', kind: 'date' },
    { path: 'concernOutcome', label: 'Suite donnée', kind: 'select', options: CONCERN_OUTCOMES },
  ],
  rattachement: [{ path: 'attachmentCommune', label: 'Commune de rattachement', kind: 'text' }],
};

export type FormValues = Record<string, string>;

const getAt = (data: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), data);

/** Stored JSON → form values ('' for empty, 'oui'/'non' for booleans). */
export function toFormValues(section: SensitiveSection, data: Record<string, unknown> | null): FormValues {
  const out: FormValues = {};
  for (const f of SECTION_FIELDS[section]) {
    const v = getAt(data ?? {}, f.path);
    out[f.path] = typeof v === 'boolean' ? (v ? 'oui' : 'non') : typeof v === 'string' ? v : '';
  }
  return out;
}

/** Form values → the section's JSON: empty inputs are left out, a group with no value is left out. */
export function toData(section: SensitiveSection, values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of SECTION_FIELDS[section]) {
    const raw = values[f.path] ?? '';
    if (raw === '') continue;
    const value = f.kind === 'yesno' ? raw === 'oui' : raw;
    const keys = f.path.split('.');
    let o = out;
    for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
    o[keys[keys.length - 1] as string] = value;
  }
  return out;
}

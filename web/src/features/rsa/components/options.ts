import type { SelectOption } from '../../../components/ui/select-field';

/** A code list as select options, "code – label", with an empty first choice. */
export const optionsOf = (list: Readonly<Record<string, string>>, empty = 'Non renseigné'): SelectOption[] => [
  { value: '', label: empty },
  ...Object.entries(list).map(([value, label]) => ({ value, label: `${value} – ${label}` })),
];
/** A list whose codes mean nothing to a reader: the label alone. */
export const labelsOf = (list: Readonly<Record<string, string>>, empty = 'Choisir'): SelectOption[] => [
  { value: '', label: empty },
  ...Object.entries(list).map(([value, label]) => ({ value, label })),
];

import { CODE_LISTS, type CodeListId } from '@jalon/core';
import type { ReactNode } from 'react';
import { SelectField, type SelectOption } from './select-field';

/** Lists without the "Non renseigné" entry (sexe, lien) get an empty first option instead. */
export const codeOptions = (list: CodeListId, emptyLabel = 'Non renseigné'): SelectOption[] => {
  const entries = CODE_LISTS[list].entries.map((e) => ({ value: e.code, label: e.label }));
  return entries.some((e) => e.value === 'NR') ? entries : [{ value: '', label: emptyLabel }, ...entries];
};

interface CodeSelectProps {
  list: CodeListId;
  name: string;
  id?: string;
  label?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  emptyLabel?: string;
}

/** A select over one of the core code lists, labelled with the list's French name by default. */
export function CodeSelect({ list, label, emptyLabel, ...rest }: CodeSelectProps) {
  return <SelectField {...rest} label={label ?? CODE_LISTS[list].label} options={codeOptions(list, emptyLabel)} />;
}

import type { ReactNode } from 'react';

interface CheckboxFieldProps {
  name: string;
  id?: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  value?: string;
}

/** A single DSFR checkbox (a group of them goes in a fieldset with its legend). */
export function CheckboxField({ name, id = name, label, checked, onChange, hint, value }: CheckboxFieldProps) {
  return (
    <div className="fr-checkbox-group fr-mb-2w">
      <input
        type="checkbox"
        id={id}
        name={name}
        value={value}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label className="fr-label" htmlFor={id}>
        {label}
        {hint ? <span className="fr-hint-text">{hint}</span> : null}
      </label>
    </div>
  );
}

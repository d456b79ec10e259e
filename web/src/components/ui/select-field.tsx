import { Select } from '@codegouvfr/react-dsfr/Select';
import type { ReactNode } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps {
  name: string;
  id?: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  multiple?: false;
  className?: string;
}

/** A labelled DSFR select; the first option is the default the form starts from. */
export function SelectField(props: SelectFieldProps) {
  const { name, id = name, label, value, onChange, options, error, hint, required, disabled, className } = props;
  return (
    <Select
      className={className}
      label={required ? <span className="jalon-required">{label}</span> : label}
      hint={hint}
      disabled={disabled}
      state={error ? 'error' : 'default'}
      stateRelatedMessage={error}
      nativeSelectProps={{
        id,
        name,
        value,
        required,
        'aria-invalid': error ? true : undefined,
        onChange: (e) => onChange(e.target.value),
      }}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </Select>
  );
}

import { Input } from '@codegouvfr/react-dsfr/Input';
import type { ChangeEvent, HTMLInputTypeAttribute, ReactNode } from 'react';

interface TextFieldProps {
  /** The API field name: also the input's `name`, and its `id` unless `id` is given. */
  name: string;
  id?: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  type?: HTMLInputTypeAttribute;
  required?: boolean;
  autoComplete?: string;
  autoFocus?: boolean;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email' | 'search';
  maxLength?: number;
  minLength?: number;
  disabled?: boolean;
  textArea?: boolean;
  className?: string;
}

/** A labelled DSFR input with its error message next to it. */
export function TextField(props: TextFieldProps) {
  const { name, id = name, label, value, onChange, error, hint, type = 'text', required, textArea, className } = props;
  const handleChange = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value);
  const common = {
    id,
    name,
    value,
    required,
    'aria-required': required || undefined,
    'aria-invalid': error ? true : undefined,
    onChange: handleChange,
    autoFocus: props.autoFocus,
    maxLength: props.maxLength,
    minLength: props.minLength,
  };
  return (
    <Input
      className={className}
      label={required ? <span className="jalon-required">{label}</span> : label}
      hintText={hint}
      disabled={props.disabled}
      state={error ? 'error' : 'default'}
      stateRelatedMessage={error}
      {...(textArea
        ? { textArea: true as const, nativeTextAreaProps: common }
        : {
            nativeInputProps: { ...common, type, autoComplete: props.autoComplete, inputMode: props.inputMode },
          })}
    />
  );
}

import type { ReactNode } from 'react';

interface ChoiceCheckboxesProps {
  idPrefix: string;
  name: string;
  legend: ReactNode;
  options: readonly { value: string; label: string }[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: string;
  hint?: ReactNode;
}

/** A group of checkboxes (motifs, persons concerned), inline so that the list stays one glance wide. */
export function ChoiceCheckboxes({
  idPrefix,
  name,
  legend,
  options,
  value,
  onChange,
  error,
  hint,
}: ChoiceCheckboxesProps) {
  const legendId = `${idPrefix}-${name}-legend`;
  const toggle = (v: string, checked: boolean) => onChange(checked ? [...value, v] : value.filter((x) => x !== v));
  return (
    <fieldset className={`fr-fieldset fr-mb-1w${error ? ' fr-fieldset--error' : ''}`} aria-labelledby={legendId}>
      <legend id={legendId} className="fr-fieldset__legend fr-text--regular">
        {legend}
        {hint ? <span className="fr-hint-text">{hint}</span> : null}
      </legend>
      {options.map((o) => (
        <div key={o.value} className="fr-fieldset__element fr-fieldset__element--inline">
          <div className="fr-checkbox-group fr-checkbox-group--sm">
            <input
              type="checkbox"
              id={`${idPrefix}-${name}-${o.value}`}
              name={name}
              value={o.value}
              checked={value.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            <label className="fr-label" htmlFor={`${idPrefix}-${name}-${o.value}`}>
              {o.label}
            </label>
          </div>
        </div>
      ))}
      {error ? (
        <div className="fr-messages-group">
          <p className="fr-message fr-message--error">{error}</p>
        </div>
      ) : null}
    </fieldset>
  );
}

import { ENTRY_TYPE_LABELS, type EntryType } from '@jalon/core';
import { useRef, type KeyboardEvent, type Ref } from 'react';
import { TYPE_SHORTCUTS } from '../entry-types';

interface TypePickerProps {
  idPrefix: string;
  types: readonly EntryType[];
  value: EntryType | '';
  onChange: (type: EntryType) => void;
  error?: string;
  /** The radio that receives the focus when the form opens. */
  firstRef?: Ref<HTMLInputElement>;
  /** Called after a type was picked by its letter: the form may move the focus on (to the note). */
  onPickedByKey?: (type: EntryType) => void;
}

/**
 * The entry type, first field of the form: radios, and one letter per type (shown next to it) that picks it while the
 * focus is in the group. Arrow keys work as in any radio group.
 */
export function TypePicker({ idPrefix, types, value, onChange, error, firstRef, onPickedByKey }: TypePickerProps) {
  const inputs = useRef(new Map<EntryType, HTMLInputElement>());
  const legendId = `${idPrefix}-type-legend`;
  const hintId = `${idPrefix}-type-hint`;
  const errorId = `${idPrefix}-type-error`;

  const handleKeyDown = (e: KeyboardEvent<HTMLFieldSetElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || !(e.target instanceof HTMLInputElement) || e.target.type !== 'radio')
      return;
    const type = types.find((t) => TYPE_SHORTCUTS[t] === e.key.toLowerCase());
    if (!type) return;
    e.preventDefault();
    onChange(type);
    inputs.current.get(type)?.focus();
    onPickedByKey?.(type);
  };

  return (
    <fieldset
      className={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`}
      aria-labelledby={`${legendId} ${hintId}`}
      role="radiogroup"
      aria-required="true"
      onKeyDown={handleKeyDown}
    >
      <legend id={legendId} className="fr-fieldset__legend fr-text--regular">
        <span className="jalon-required">Type d’entrée</span>
        <span id={hintId} className="fr-hint-text">
          Tapez la lettre indiquée pour choisir le type.
        </span>
      </legend>
      {types.map((t, i) => (
        <div key={t} className="fr-fieldset__element fr-fieldset__element--inline jalon-type-option">
          <div className="fr-radio-group">
            <input
              ref={(el) => {
                if (el) inputs.current.set(t, el);
                else inputs.current.delete(t);
                if (i === 0 && firstRef) {
                  if (typeof firstRef === 'function') firstRef(el);
                  else firstRef.current = el;
                }
              }}
              type="radio"
              id={`${idPrefix}-type-${t}`}
              name={`${idPrefix}-type`}
              value={t}
              checked={value === t}
              onChange={() => onChange(t)}
              aria-keyshortcuts={TYPE_SHORTCUTS[t]}
              aria-describedby={error ? errorId : undefined}
            />
            <label className="fr-label" htmlFor={`${idPrefix}-type-${t}`}>
              {ENTRY_TYPE_LABELS[t]}
              <kbd className="jalon-kbd fr-ml-1v" aria-hidden="true">
                {TYPE_SHORTCUTS[t]}
              </kbd>
            </label>
          </div>
        </div>
      ))}
      {error ? (
        <div className="fr-messages-group" aria-live="polite">
          <p id={errorId} className="fr-message fr-message--error">
            {error}
          </p>
        </div>
      ) : null}
    </fieldset>
  );
}

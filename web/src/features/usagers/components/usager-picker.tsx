import { Button } from '@codegouvfr/react-dsfr/Button';
import { useRef, useState } from 'react';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { formatDate } from '../../../lib/format';
import { SEARCH_MIN_LENGTH, useSearchUsagers } from '../api/search-usagers';

interface UsagerPickerProps {
  id: string;
  value: { id: string; label: string } | null;
  onChange: (value: { id: string; label: string } | null) => void;
  error?: string;
  label?: string;
}

/** Chooses one file by searching (name, birth date or file number); used by forms outside the file page. */
export function UsagerPicker({ id, value, onChange, error, label = 'Usager' }: UsagerPickerProps) {
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query.trim(), 250);
  const search = useSearchUsagers(debounced, 1);
  const inputRef = useRef<HTMLInputElement>(null);
  const active = debounced.length >= SEARCH_MIN_LENGTH;
  const results = active ? (search.data?.results ?? []) : [];

  if (value) {
    return (
      <div className="fr-mb-3w">
        <p className="fr-mb-1w" id={`${id}-choisi`}>
          <span className="fr-text--bold">{label} :</span> {value.label}
        </p>
        <Button
          type="button"
          size="small"
          priority="secondary"
          nativeButtonProps={{ 'aria-describedby': `${id}-choisi` }}
          onClick={() => {
            onChange(null);
            setTimeout(() => inputRef.current?.focus());
          }}
        >
          Changer d’usager
        </Button>
      </div>
    );
  }

  const status = !active
    ? `Saisissez au moins ${SEARCH_MIN_LENGTH} caractères.`
    : search.isFetching && !search.data
      ? 'Recherche en cours…'
      : `${results.length} dossier${results.length > 1 ? 's' : ''} trouvé${results.length > 1 ? 's' : ''}.`;

  return (
    <div className={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={id}>
        <span className="jalon-required">{label}</span>
        <span className="fr-hint-text">Nom, prénom, date de naissance (jj/mm/aaaa) ou n° de dossier</span>
      </label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        className={`fr-input${error ? ' fr-input--error' : ''}`}
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-status${error ? ` ${id}-error` : ''}`}
        maxLength={100}
        required
      />
      {error ? (
        <p id={`${id}-error`} className="fr-error-text">
          {error}
        </p>
      ) : null}
      <p id={`${id}-status`} className="fr-text--sm fr-mt-1w fr-mb-1w" role="status" aria-live="polite">
        {status}
      </p>
      {results.length ? (
        <ul className="jalon-results" aria-label="Dossiers trouvés">
          {results.map((r) => {
            const text = `${r.displayName} — né·e le ${formatDate(r.birthDate)} — n° ${r.fileNumber}`;
            return (
              <li key={r.id}>
                <button
                  type="button"
                  className="fr-btn fr-btn--tertiary fr-btn--sm fr-mb-1v"
                  onClick={() => onChange({ id: r.id, label: text })}
                >
                  {text}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

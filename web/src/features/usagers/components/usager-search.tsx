import { Button } from '@codegouvfr/react-dsfr/Button';
import { elsewhereComesFirst } from '@jalon/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { paths } from '../../../config/paths';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { dash, formatDate } from '../../../lib/format';
import { SEARCH_MIN_LENGTH, useSearchUsagers } from '../api/search-usagers';
import { ElsewhereCards } from './elsewhere-cards';
import { StatusBadge } from './status-badge';

const INPUT_ID = 'recherche-usager';

/** True when the key press happens while typing somewhere (then "/" is a character, not a shortcut). */
const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/**
 * The search first: "/" focuses the field, results come while typing (from 2 characters), ↓/↑ move
 * through them and Enter opens one. Persons known only on another site get a card without a link.
 */
/** `canBreakGlass`: workers and responsables may ask for a motivated access to a file known elsewhere. */
export function UsagerSearch({ canBreakGlass = false }: { canBreakGlass?: boolean } = {}) {
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const debounced = useDebouncedValue(query.trim(), 300);
  const search = useSearchUsagers(debounced, page);
  const inputRef = useRef<HTMLInputElement>(null);
  const linkRefs = useRef<(HTMLAnchorElement | null)[]>([]);
  const navigate = useNavigate();
  const active = debounced.length >= SEARCH_MIN_LENGTH;
  const data = active ? search.data : undefined;
  const results = data?.results ?? [];
  const elsewhere = data?.elsewhere ?? [];
  // Exact matches on another site come before weak fuzzy matches here (docs/security.md, "Known elsewhere").
  const elsewhereFirst = elsewhereComesFirst(results, elsewhere.length);

  useEffect(() => {
    const handleSlash = (e: globalThis.KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      inputRef.current?.focus();
    };
    document.addEventListener('keydown', handleSlash);
    return () => document.removeEventListener('keydown', handleSlash);
  }, []);

  const handleQueryChange = (value: string) => {
    setQuery(value);
    setPage(1);
  };

  const handleInputKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && results.length > 0) {
      e.preventDefault();
      linkRefs.current[0]?.focus();
    } else if (e.key === 'Enter' && results[0] && !search.isPlaceholderData && debounced === query.trim()) {
      e.preventDefault();
      navigate(paths.usager.href(results[0].id));
    } else if (e.key === 'Escape') {
      handleQueryChange('');
    }
  };

  const handleResultKeyDown = (index: number) => (e: KeyboardEvent<HTMLAnchorElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      linkRefs.current[Math.min(index + 1, results.length - 1)]?.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (index === 0) inputRef.current?.focus();
      else linkRefs.current[index - 1]?.focus();
    }
  };

  const status = (() => {
    if (query.trim().length < SEARCH_MIN_LENGTH) return `Saisissez au moins ${SEARCH_MIN_LENGTH} caractères.`;
    if (!data || search.isFetching) return 'Recherche en cours…';
    const n = results.length;
    if (n === 0 && elsewhere.length === 0) return `Aucun dossier ne correspond à « ${debounced} ».`;
    return `${n} dossier${n > 1 ? 's' : ''} trouvé${n > 1 ? 's' : ''}${data.hasMore ? ' (d’autres résultats suivent)' : ''}.`;
  })();

  const elsewhereSection = (first: boolean) =>
    elsewhereFirst === first ? (
      <ElsewhereCards cards={elsewhere} paused={data?.elsewherePaused} canBreakGlass={canBreakGlass} />
    ) : null;

  return (
    <div role="search" aria-label="Recherche d’usagers" className="fr-mb-6w">
      <div className="fr-input-group">
        <label id={`${INPUT_ID}-label`} className="fr-label fr-h4 fr-mb-1v" htmlFor={INPUT_ID}>
          Rechercher un usager
        </label>
        <p id={`${INPUT_ID}-hint`} className="fr-hint-text fr-mb-1w">
          Nom, prénom, date de naissance (jj/mm/aaaa) ou n° de dossier
        </p>
        <div className="fr-input-wrap fr-icon-search-line">
          <input
            ref={inputRef}
            id={INPUT_ID}
            name="q"
            type="search"
            className="fr-input"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${INPUT_ID}-hint ${INPUT_ID}-status`}
            aria-keyshortcuts="/"
            value={query}
            onChange={(e) => handleQueryChange(e.target.value)}
            onKeyDown={handleInputKeyDown}
            maxLength={100}
          />
        </div>
        <p id={`${INPUT_ID}-status`} className="fr-text--sm fr-mt-1w fr-mb-0" role="status" aria-live="polite">
          {status}
        </p>
      </div>

      {active && search.error ? <ErrorAlert error={search.error} title="Recherche impossible" titleAs="h2" /> : null}

      {elsewhereSection(true)}

      {results.length > 0 ? (
        <div className="fr-mt-3w">
          <h2 className="fr-h5">Résultats</h2>
          <ul className="jalon-results" aria-label="Dossiers trouvés">
            {results.map((r, i) => (
              <li key={r.id}>
                <Link
                  ref={(el) => {
                    linkRefs.current[i] = el;
                  }}
                  className="jalon-result-link"
                  to={paths.usager.href(r.id)}
                  onKeyDown={handleResultKeyDown(i)}
                >
                  <strong>{r.displayName}</strong>
                  <span> — né·e le {formatDate(r.birthDate)}</span>
                  <span> — dossier n° {r.fileNumber} </span>
                  <StatusBadge status={r.status} />
                  <br />
                  <span className="fr-text--sm">
                    Équipe : {dash(r.teamName)} — Référent : {dash(r.referentName)}
                    {r.matchedPerson && r.matchedPerson !== r.displayName ? ` — Trouvé via : ${r.matchedPerson}` : ''}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {data && (page > 1 || data.hasMore) ? (
            <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
              {page > 1 ? (
                <Button priority="secondary" size="small" onClick={() => setPage((p) => p - 1)}>
                  Résultats précédents
                </Button>
              ) : null}
              {data.hasMore ? (
                <Button priority="secondary" size="small" onClick={() => setPage((p) => p + 1)}>
                  Résultats suivants
                </Button>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}

      {elsewhereSection(false)}
    </div>
  );
}

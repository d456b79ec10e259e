import { Button } from '@codegouvfr/react-dsfr/Button';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { longDay, parisDay } from '../../../lib/dates';
import { useTimeline, type TimelineFilters } from '../api/get-timeline';
import type { EntryDocumentsAccess } from '../../documents/components/entry-documents';
import type { EntryDto } from '../types';
import { EntryItem } from './entry-item';

/** Entries grouped by Paris day, in the order the server sent them (newest first). */
const groupByDay = (items: EntryDto[]) => {
  const groups: { day: string; items: EntryDto[] }[] = [];
  for (const e of items) {
    const day = parisDay(e.occurredAt);
    const last = groups[groups.length - 1];
    if (last?.day === day) last.items.push(e);
    else groups.push({ day, items: [e] });
  }
  return groups;
};

interface TimelineProps {
  fileId: string;
  filters: TimelineFilters;
  personNames: Map<string, string>;
  documents?: EntryDocumentsAccess;
}

/** The file's timeline, newest first, one section per day; "Charger plus" follows the keyset cursor. */
export function Timeline({ fileId, filters, personNames, documents }: TimelineProps) {
  const query = useTimeline(fileId, filters);
  if (query.isPending) return <Loading label="Chargement du journal…" />;
  if (query.error && !query.data) return <ErrorAlert error={query.error} title="Journal indisponible" />;
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(filters.type || filters.motif);
  if (items.length === 0) {
    return (
      <p>{filtered ? 'Aucune entrée ne correspond à ces filtres.' : 'Aucune entrée dans le journal de ce dossier.'}</p>
    );
  }
  return (
    <>
      <p className="fr-sr-only" role="status">
        {items.length} entrée{items.length > 1 ? 's' : ''} affichée{items.length > 1 ? 's' : ''}
        {query.hasNextPage ? ', d’autres plus anciennes suivent' : ''}.
      </p>
      <ol className="jalon-timeline" aria-label="Journal, du plus récent au plus ancien">
        {groupByDay(items).map((g) => (
          <li key={g.day} className="jalon-timeline-day">
            <h3 className="fr-h5 jalon-day-heading">{longDay(g.day)}</h3>
            <ol className="jalon-timeline-entries">
              {g.items.map((e) => (
                <li key={e.id}>
                  <EntryItem fileId={fileId} entry={e} personNames={personNames} documents={documents} />
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
      {query.error ? <ErrorAlert error={query.error} title="Suite du journal indisponible" /> : null}
      {query.hasNextPage ? (
        <Button priority="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? 'Chargement…' : 'Charger plus'}
        </Button>
      ) : null}
    </>
  );
}

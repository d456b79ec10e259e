import { Button } from '@codegouvfr/react-dsfr/Button';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import type { BreakGlassQueueItemDto } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { TextField } from '../../../components/ui/text-field';
import { formatDateTime } from '../../../lib/format';
import { serverFieldErrors } from '../../../lib/form';
import { useBreakGlassQueue, type QueueStatus } from '../api/get-break-glass-queue';
import { useReviewBreakGlass } from '../api/review-break-glass';

const ROLE: Record<string, string> = {
  travailleur_social: 'Travailleur·se social·e',
  responsable: 'Responsable de site',
};

function ReviewForm({ item }: { item: BreakGlassQueueItemDto }) {
  const [comment, setComment] = useState('');
  const mutation = useReviewBreakGlass();
  const errors = serverFieldErrors(mutation.error);
  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({ id: item.id, comment });
  };
  return (
    <form onSubmit={handleSubmit} noValidate aria-label={`Revue de l’accès au dossier ${item.fileNumber}`}>
      <TextField
        id={`revue-${item.id}`}
        name="comment"
        label="Commentaire de revue"
        value={comment}
        onChange={setComment}
        error={errors.comment}
        required
        maxLength={1000}
      />
      <ErrorAlert error={mutation.error} title="La revue n’a pas été enregistrée" />
      <Button type="submit" size="small" disabled={mutation.isPending}>
        Marquer comme revu
      </Button>
    </form>
  );
}

/** The review queue of motivated accesses (DPO: every site; responsable: the files of their site). */
export function ReviewQueue() {
  const [status, setStatus] = useState<QueueStatus>('pending');
  const query = useBreakGlassQueue(status);
  return (
    <>
      <SegmentedControl
        legend="Accès à afficher"
        hideLegend
        segments={[
          {
            label: 'À revoir',
            nativeInputProps: { checked: status === 'pending', onChange: () => setStatus('pending') },
          },
          {
            label: 'Revus',
            nativeInputProps: { checked: status === 'reviewed', onChange: () => setStatus('reviewed') },
          },
        ]}
      />
      {query.isPending ? <Loading label="Chargement des accès motivés…" /> : null}
      <ErrorAlert error={query.error} title="Liste indisponible" />
      {query.data && query.data.items.length === 0 ? (
        <p className="fr-mt-2w">{status === 'pending' ? 'Aucun accès motivé à revoir.' : 'Aucun accès motivé revu.'}</p>
      ) : null}
      <ul className="fr-raw-list fr-mt-2w">
        {query.data?.items.map((i) => (
          <li key={i.id} className="fr-card fr-p-3w fr-mb-2w" data-testid="acces-motive">
            <h3 className="fr-h6 fr-mb-1w">
              Dossier {i.fileNumber} ({i.fileSiteName})
            </h3>
            <p className="fr-mb-1w">
              {i.user.displayName ? `${i.user.displayName} — ` : ''}
              {ROLE[i.user.role] ?? i.user.role}
              {i.user.siteName ? `, ${i.user.siteName}` : ''}
            </p>
            <p className="fr-mb-1w">
              <strong>Motif :</strong> {i.reason.label} — « {i.justification} »
            </p>
            <p className="fr-text--sm fr-mb-1w">
              Ouvert le {formatDateTime(i.grantedAt)}, jusqu’au {formatDateTime(i.expiresAt)} ; {i.readCount}{' '}
              consultation{i.readCount > 1 ? 's' : ''} pendant l’accès.
            </p>
            {i.review ? (
              <p className="fr-text--sm">
                Revu le {formatDateTime(i.review.at)} par {i.review.byName} : « {i.review.comment} »
              </p>
            ) : (
              <ReviewForm item={i} />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { ImportDto } from '@jalon/core';
import { Link } from 'react-router-dom';
import { DescriptionList } from '../../../components/ui/description-list';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { useFlux } from '../api/flux';

const STATUS: Record<ImportDto['status'], { label: string; severity?: 'success' | 'info' | 'error' | 'new' }> = {
  analysing: { label: 'Analyse en cours', severity: 'info' },
  ready: { label: 'Analysé : à valider', severity: 'new' },
  committing: { label: 'Enregistrement en cours', severity: 'info' },
  committed: { label: 'Enregistré', severity: 'success' },
  failed: { label: 'Échec', severity: 'error' },
};
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** The first error of a flux: the failure of its job, else its first rejected row (its reason names its XML line). */
function firstError(imp: ImportDto): string | null {
  if (imp.error) return imp.error;
  const row = imp.errors[0];
  if (!row) return null;
  return /^Ligne \d+/.test(row.reason) ? row.reason : `Personne n° ${row.seq} : ${row.reason}`;
}

/** Where a flux stands (GET /api/rsa/flux/:importId): status, progress, counts, first error, its review queue. */
export function FluxStatus({ importId }: { importId: string }) {
  const flux = useFlux(importId);
  if (flux.error) return <ErrorAlert error={flux.error} title="Flux introuvable" titleAs="h2" />;
  if (flux.isPending) return <Loading />;
  const imp = flux.data;
  const c = imp.counts;
  const error = firstError(imp);
  const running = ['analysing', 'committing'].includes(imp.status);
  return (
    <section aria-labelledby="flux-status-title">
      <h2 id="flux-status-title">
        {imp.fileName}{' '}
        <Badge noIcon severity={STATUS[imp.status].severity} as="span">
          <span data-testid="flux-status">{STATUS[imp.status].label}</span>
        </Badge>
      </h2>
      <p className="fr-text--sm">Déposé le {formatDateTime(imp.createdAt)}</p>
      {imp.progress && running ? (
        <p role="status">
          <progress
            max={imp.progress.total ?? undefined}
            value={imp.progress.done}
            aria-label={`Avancement du flux : ${imp.progress.done} personne(s) sur ${imp.progress.total ?? '…'}`}
          />{' '}
          {imp.progress.done} personne(s) sur {imp.progress.total ?? '…'}
        </p>
      ) : null}
      <DescriptionList
        items={[
          ['Personnes lues', String(c.total)],
          ['Mises à jour (n° allocataire reconnu)', String(c.history)],
          ['À examiner (nom, prénom, naissance proches)', String(c.merge)],
          ['Dossiers créés', String(c.create)],
          ['Ignorées (enfants, autres personnes)', String(c.skip)],
          ['Rejetées', String(c.rejected)],
          ...(imp.status === 'committed'
            ? [['Enregistrées', `${c.committed} (${c.skipped} non enregistrées)`] as [string, string]]
            : []),
        ]}
      />
      {error ? (
        <div className="fr-alert fr-alert--warning fr-mb-3w">
          <h3 className="fr-alert__title">Première erreur</h3>
          <p data-testid="flux-first-error">{error}</p>
        </div>
      ) : null}
      {imp.status === 'ready' ? (
        <p>
          <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to={paths.imports.href(imp.id)}>
            {c.merge > 0
              ? `Examiner les ${plural(c.merge, 'rapprochement', 'rapprochements')} et valider le flux`
              : 'Valider le flux'}
          </Link>
          <span className="fr-hint-text">
            Sur la page des imports : cochez les rapprochements que vous confirmez ; les autres ne seront pas
            enregistrés.
          </span>
        </p>
      ) : null}
      {imp.status === 'committed' ? (
        <p>
          <Link className="fr-link" to={paths.imports.href(imp.id)}>
            Voir le rapport de l’import
          </Link>
        </p>
      ) : null}
    </section>
  );
}

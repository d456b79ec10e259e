import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { formatDateTime } from '../../../lib/format';
import { useEligibility } from '../api/aids';
import { euros } from './money';

const RESULT = { eligible: 'Éligible', non_eligible: 'Non éligible', a_verifier: 'À vérifier' } as const;
const STATUS = { ok: 'Respectée', ko: 'Non respectée', inconnu: 'À vérifier' } as const;
const BADGE = { ok: 'success', ko: 'error', inconnu: 'warning' } as const;

/** The pre-check, rule by rule (advice for the commission; kept as it stood at the decision). */
export function EligibilityPanel({ id, status }: { id: string; status: string }) {
  const e = useEligibility(id, status);
  if (e.isPending) return <Loading label="Vérification de l’éligibilité…" />;
  if (e.error) return <ErrorAlert error={e.error} title="Éligibilité indisponible" titleAs="h3" />;
  const d = e.data;
  return (
    <section aria-labelledby="eligibilite-titre" className="fr-mb-4w">
      <h2 id="eligibilite-titre" className="fr-h5">
        Pré-examen de l’éligibilité : {RESULT[d.result]}
      </h2>
      <p className="fr-text--sm">
        {d.kept
          ? `Tel qu’établi à la décision du ${formatDateTime(d.at)}, avec les paramètres alors en vigueur.`
          : 'Avec les paramètres en vigueur aujourd’hui ; la commission décide.'}
        {d.suggestedCents !== null ? ` Montant selon le barème : ${euros(d.suggestedCents)}.` : ''}
      </p>
      <DataTable
        caption="Règles examinées"
        headers={['Règle', 'Résultat', 'Explication']}
        rows={d.rules.map((r) => ({
          key: r.code,
          cells: [
            r.label,
            <span key="s" className={`fr-badge fr-badge--sm fr-badge--${BADGE[r.status]}`}>
              {STATUS[r.status]}
            </span>,
            r.detail,
          ],
        }))}
      />
    </section>
  );
}

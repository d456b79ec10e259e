import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { SelectField } from '../../../components/ui/select-field';
import { PublishedTableView } from '../../statistics/components/published-table';
import { AID_INDICATORS, useAidIndicator } from '../api/get-aid-statistics';

/** One aid indicator of the year, by site: a slice of the statistics module's protected family. */
function AidIndicator({ indicator, year }: { indicator: string; year: number }) {
  const q = useAidIndicator(indicator, year);
  if (q.isPending) return <Loading label="Calcul des statistiques…" />;
  if (q.error) return <ErrorAlert error={q.error} title="Statistiques indisponibles" />;
  return (
    <PublishedTableView caption={`${q.data.indicator.label} (${year})`} table={q.data.table} labels={q.data.labels} />
  );
}

/**
 * Applications, decisions (by outcome and amount granted) and delays per aid type and site, from the statistics
 * module (its disclosure control; the « Statistiques » page has them by month and arrondissement too).
 */
export function AidStatistics() {
  const current = new Date().getFullYear();
  const [year, setYear] = useState(current);
  const years = [current, current - 1, current - 2].map((y) => ({ value: String(y), label: String(y) }));
  return (
    <section aria-labelledby="statistiques-aides">
      <h2 id="statistiques-aides" className="fr-h5">
        Statistiques des aides
      </h2>
      <SelectField
        name="year"
        label="Année"
        value={String(year)}
        onChange={(v) => setYear(Number(v))}
        options={years}
      />
      <p className="fr-text--sm">
        Aucun chiffre par professionnel. Les petits effectifs sont masqués (« &lt; 5 »), ainsi que ceux qui
        permettraient de les recalculer (« secret ») ; les montants et les délais sont publiés par tranches. Le détail
        par mois et par arrondissement est dans la page Statistiques.
      </p>
      {AID_INDICATORS.map((id) => (
        <AidIndicator key={id} indicator={id} year={year} />
      ))}
    </section>
  );
}

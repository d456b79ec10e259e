import type { AidStatTable } from '@jalon/core';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { SelectField } from '../../../components/ui/select-field';
import { useAidStatistics } from '../api/get-aid-statistics';

function StatTable({ t }: { t: AidStatTable }) {
  return (
    <div className="fr-table fr-mb-3w">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>{t.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.rowTitle}</th>
                  {t.cols.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                  <th scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                {t.rows.map((r) => (
                  <tr key={r.label}>
                    <th scope="row">{r.label}</th>
                    {r.values.map((v, i) => (
                      <td key={i}>{v}</td>
                    ))}
                    <td>{r.total}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">Total</th>
                  {t.total.values.map((v, i) => (
                    <td key={i}>{v}</td>
                  ))}
                  <td>{t.total.total}</td>
                </tr>
              </tbody>
            </table>
          </div>
        </div>
      </div>
      {t.withheld ? <p className="fr-text--sm">Tableau non diffusé. {t.withheld}</p> : null}
    </div>
  );
}

/** Applications, decisions, amounts and delays per aid type, month and site, under the statistical secret. */
export function AidStatistics() {
  const current = new Date().getFullYear();
  const [year, setYear] = useState(current);
  const query = useAidStatistics(year);
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
      {query.isPending ? <Loading label="Calcul des statistiques…" /> : null}
      <ErrorAlert error={query.error} title="Statistiques indisponibles" />
      {query.data ? (
        <>
          <p className="fr-text--sm">
            Aucun chiffre par professionnel. Les effectifs inférieurs à {query.data.threshold} sont masqués (« &lt;{' '}
            {query.data.threshold} »), ainsi que ceux qui permettraient de les recalculer (« secret ») ; un montant ou
            un délai n’est publié que sur un effectif publié.
          </p>
          {query.data.tables.map((t) => (
            <StatTable key={t.key} t={t} />
          ))}
        </>
      ) : null}
    </section>
  );
}

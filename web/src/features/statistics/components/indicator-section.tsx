import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { csvHref, useStatisticsTable, type StatisticsParams } from '../api';
import { PublishedTableView } from './published-table';
import { StatChart } from './stat-chart';

const monthText = (m: string) =>
  new Date(`${m}-15T12:00:00Z`).toLocaleDateString('fr-FR', { month: 'long', year: 'numeric' });
export const periodText = (p: { fromMonth: string; toMonth: string }) =>
  p.fromMonth === p.toMonth ? monthText(p.fromMonth) : `de ${monthText(p.fromMonth)} à ${monthText(p.toMonth)}`;

/** The chosen indicator: chart, table, comparison, CSV export of exactly that table. */
export function IndicatorSection({ params }: { params: StatisticsParams }) {
  const q = useStatisticsTable(params);
  if (q.isPending) return <Loading label="Calcul du tableau…" />;
  if (q.error) return <ErrorAlert error={q.error} title="Tableau indisponible" titleAs="h2" />;
  const dto = q.data;
  const when =
    dto.indicator.kind === 'population'
      ? `au dernier jour de ${monthText(dto.period.toMonth)}`
      : periodText(dto.period);
  const caption = `${dto.indicator.label} — ${when}`;
  return (
    <section aria-labelledby="stat-indicateur" className="fr-mb-5w">
      <div className="fr-grid-row fr-grid-row--middle fr-mb-2w">
        <h2 id="stat-indicateur" className="fr-h4 fr-col fr-mb-0">
          {caption}
        </h2>
        <a className="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-download-line" href={csvHref(params)} download>
          Exporter en CSV
        </a>
      </div>
      <StatChart title={caption} table={dto.table} cols={dto.labels.cols} />
      <PublishedTableView caption={caption} table={dto.table} labels={dto.labels} />
      {dto.comparison ? (
        // Each compared table under a visible title (the tables' captions are kept for screen readers only).
        <section aria-labelledby="stat-comparaison">
          <h3 id="stat-comparaison" className="fr-h5">
            Comparaison
          </h3>
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-6">
              <h4 className="fr-h6 fr-mb-1w">Période précédente ({periodText(dto.comparison.previous)})</h4>
              <PublishedTableView
                caption={`Période précédente (${periodText(dto.comparison.previous)})`}
                table={dto.comparison.previous.table}
                labels={dto.labels}
              />
            </div>
            <div className="fr-col-12 fr-col-md-6">
              <h4 className="fr-h6 fr-mb-1w">Un an avant ({periodText(dto.comparison.lastYear)})</h4>
              <PublishedTableView
                caption={`Un an avant (${periodText(dto.comparison.lastYear)})`}
                table={dto.comparison.lastYear.table}
                labels={dto.labels}
              />
            </div>
          </div>
        </section>
      ) : null}
    </section>
  );
}

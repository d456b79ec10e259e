import type { StatisticsScopeDto } from '@jalon/core';
import { useState } from 'react';
import { CheckboxField } from '../../components/ui/checkbox-field';
import { ErrorAlert } from '../../components/ui/error-alert';
import { Loading } from '../../components/ui/loading';
import { SelectField } from '../../components/ui/select-field';
import { useStatisticsScope, type StatisticsParams } from '../../features/statistics/api';
import { IndicatorSection } from '../../features/statistics/components/indicator-section';
import { MapSection } from '../../features/statistics/components/map-section';
import { SideSections } from '../../features/statistics/components/side-sections';
import { useDocumentTitle } from '../../hooks/use-document-title';

/** /statistiques — the "photographie sociale": protected counts, never a name, never a worker above the worker. */
export function StatisticsRoute() {
  useDocumentTitle('Statistiques');
  const scope = useStatisticsScope();
  if (scope.isPending) return <Loading label="Chargement des statistiques…" />;
  if (scope.error) return <ErrorAlert error={scope.error} title="Statistiques indisponibles" titleAs="h2" />;
  return <StatisticsPage scope={scope.data} />;
}

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

function StatisticsPage({ scope }: { scope: StatisticsScopeDto }) {
  const last = scope.months?.last ?? new Date().toISOString().slice(0, 7);
  const first = scope.months?.first ?? last;
  // Published periods only: a calendar year or one of its months (docs/security.md, Statistics).
  const years = Array.from({ length: Number(last.slice(0, 4)) - Number(first.slice(0, 4)) + 1 }, (_, i) =>
    String(Number(last.slice(0, 4)) - i),
  );
  const [year, setYear] = useState(years[0]!);
  const [month, setMonth] = useState('');
  const [choice, setParams] = useState<Omit<StatisticsParams, 'from' | 'to'>>({
    indicator: 'trancheAge',
    siteId: '',
    groupBy: '',
    compare: false,
  });
  const set = (p: Partial<StatisticsParams>) => setParams((x) => ({ ...x, ...p }));
  const indicator = scope.indicators.find((i) => i.id === choice.indicator) ?? scope.indicators[0]!;
  // A site is read as a whole, and a month of activity too: their breakdowns are those of the year or of all sites.
  const canGroup = !choice.siteId && !(month && indicator.kind === 'activity');
  const params: StatisticsParams = {
    ...choice,
    groupBy: canGroup ? choice.groupBy : '',
    from: month ? `${year}-${month}` : `${year}-01`,
    to: month ? `${year}-${month}` : `${year}-12`,
  };
  const groupBys = scope.groupBys.filter((g) =>
    g.id === 'site' ? scope.sites.length > 1 : g.id === 'mois' ? indicator.kind === 'activity' : true,
  );
  const who =
    scope.level === 'all'
      ? 'tous les sites'
      : scope.level === 'site'
        ? (scope.sites[0]?.name ?? 'votre site')
        : `votre équipe (${scope.teams.map((t) => t.name).join(', ')})`;

  return (
    <>
      <h1>Statistiques</h1>
      <p className="fr-text--lead fr-mb-2w">Photographie sociale et activité — {who}.</p>
      <p className="fr-text--sm">
        Effectifs agrégés par mois, site et arrondissement, jamais par professionnel ni par personne. Un effectif de
        moins de 5 personnes (11 pour une variable sensible) est masqué, ainsi que ceux qui permettraient de le
        retrouver.
        {scope.refreshedAt
          ? ` Données mises à jour le ${new Date(scope.refreshedAt).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}.`
          : ''}
      </p>
      <form
        className="fr-grid-row fr-grid-row--gutters fr-mb-3w"
        aria-label="Choix de l’indicateur"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="fr-col-12 fr-col-md-4">
          <SelectField
            name="indicator"
            label="Indicateur"
            value={params.indicator}
            onChange={(v) =>
              set({
                indicator: v,
                groupBy:
                  choice.groupBy === 'mois' && scope.indicators.find((i) => i.id === v)?.kind === 'population'
                    ? ''
                    : choice.groupBy,
              })
            }
            options={scope.indicators.map((i) => ({
              value: i.id,
              label: `${i.kind === 'population' ? 'Population' : 'Activité'} — ${i.label}`,
            }))}
          />
        </div>
        <div className="fr-col-6 fr-col-md-2">
          <SelectField
            name="year"
            label="Année"
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: y }))}
          />
        </div>
        <div className="fr-col-6 fr-col-md-2">
          <SelectField
            name="month"
            label="Mois"
            value={month}
            onChange={setMonth}
            options={[
              { value: '', label: 'Toute l’année' },
              ...MONTHS.map((label, i) => ({ value: String(i + 1).padStart(2, '0'), label })),
            ]}
          />
        </div>
        {scope.sites.length > 1 ? (
          <div className="fr-col-12 fr-col-md-4">
            <SelectField
              name="siteId"
              label="Site"
              value={params.siteId}
              onChange={(v) => set({ siteId: v })}
              options={[
                { value: '', label: 'Tous les sites' },
                ...scope.sites.map((s) => ({ value: s.id, label: s.name })),
              ]}
            />
          </div>
        ) : null}
        <div className="fr-col-12 fr-col-md-4">
          <SelectField
            name="groupBy"
            label="Ventiler par"
            value={params.groupBy}
            onChange={(v) => set({ groupBy: v as StatisticsParams['groupBy'] })}
            options={[
              { value: '', label: 'Aucune ventilation' },
              ...(canGroup ? groupBys.map((g) => ({ value: g.id, label: g.label })) : []),
            ]}
            hint={
              canGroup
                ? undefined
                : choice.siteId
                  ? 'Un site se lit sans ventilation.'
                  : 'Ventilation sur l’année entière.'
            }
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <CheckboxField
            name="compare"
            label="Comparer à la période précédente et à la même période un an avant"
            checked={params.compare && !params.groupBy}
            onChange={(c) => set({ compare: c })}
            hint={params.groupBy ? 'Sans ventilation seulement.' : undefined}
          />
        </div>
      </form>
      <IndicatorSection params={params} />
      {indicator.kind === 'population' && !params.siteId ? <MapSection params={params} /> : null}
      <SideSections scope={scope} params={params} />
    </>
  );
}

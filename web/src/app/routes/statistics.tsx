import { shiftMonth, type StatisticsScopeDto } from '@jalon/core';
import { useState } from 'react';
import { CheckboxField } from '../../components/ui/checkbox-field';
import { ErrorAlert } from '../../components/ui/error-alert';
import { Loading } from '../../components/ui/loading';
import { SelectField } from '../../components/ui/select-field';
import { TextField } from '../../components/ui/text-field';
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

function StatisticsPage({ scope }: { scope: StatisticsScopeDto }) {
  const last = scope.months?.last ?? new Date().toISOString().slice(0, 7);
  const [params, setParams] = useState<StatisticsParams>({
    indicator: 'trancheAge',
    from: shiftMonth(last, -11),
    to: last,
    siteId: '',
    groupBy: '',
    compare: false,
  });
  const set = (p: Partial<StatisticsParams>) => setParams((x) => ({ ...x, ...p }));
  const indicator = scope.indicators.find((i) => i.id === params.indicator) ?? scope.indicators[0]!;
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
                  params.groupBy === 'mois' && scope.indicators.find((i) => i.id === v)?.kind === 'population'
                    ? ''
                    : params.groupBy,
              })
            }
            options={scope.indicators.map((i) => ({
              value: i.id,
              label: `${i.kind === 'population' ? 'Population' : 'Activité'} — ${i.label}`,
            }))}
          />
        </div>
        <div className="fr-col-6 fr-col-md-2">
          <TextField
            name="from"
            type="month"
            label="Du mois"
            value={params.from}
            onChange={(v) => v && set({ from: v })}
          />
        </div>
        <div className="fr-col-6 fr-col-md-2">
          <TextField name="to" type="month" label="Au mois" value={params.to} onChange={(v) => v && set({ to: v })} />
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
              ...groupBys.map((g) => ({ value: g.id, label: g.label })),
            ]}
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
      {indicator.kind === 'population' ? <MapSection params={params} /> : null}
      <SideSections scope={scope} params={params} />
    </>
  );
}

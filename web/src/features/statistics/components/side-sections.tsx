import type { StatisticsScopeDto } from '@jalon/core';
import { publishedValueText } from '@jalon/core';
import { useState } from 'react';
import { SelectField } from '../../../components/ui/select-field';
import { reportHref, useMyActivity, useTeamTable, useWaitingTime, type StatisticsParams } from '../api';
import { periodText } from './indicator-section';
import { PublishedTableView } from './published-table';

/** Waiting time, files actives per team (above the team), the worker's own activity, the yearly report. */
export function SideSections({ scope, params }: { scope: StatisticsScopeDto; params: StatisticsParams }) {
  const wait = useWaitingTime(params);
  const teams = useTeamTable(params, scope.teamTable);
  const mine = useMyActivity(params, scope.ownActivity);
  const thisYear = Number((scope.months?.last ?? new Date().toISOString()).slice(0, 4));
  const years = Array.from({ length: 3 }, (_, i) => String(thisYear - i));
  const [year, setYear] = useState(years[0]!);
  const [reportSite, setReportSite] = useState(scope.sites[0]?.id ?? '');
  return (
    <>
      <section aria-labelledby="stat-delai" className="fr-mb-5w">
        <h2 id="stat-delai" className="fr-h4">
          Délai entre l’ouverture du dossier et le premier entretien
        </h2>
        {wait.data ? (
          <p>
            {wait.data.medianDays === null
              ? wait.data.persons === 0
                ? `Aucun premier entretien ${periodText(wait.data.period)}.`
                : `Nombre de premiers entretiens ${periodText(wait.data.period)} masqué : délai non diffusé (secret statistique).`
              : `${periodText(wait.data.period)} : médiane ${wait.data.medianDays} jours ; 90 % des personnes reçues en ${wait.data.p90Days} jours au plus (${publishedValueText(wait.data.persons, wait.data.threshold)} premiers entretiens).`}
          </p>
        ) : null}
      </section>
      {scope.teamTable && teams.data ? (
        <section aria-labelledby="stat-equipes" className="fr-mb-5w">
          <h2 id="stat-equipes" className="fr-h4">
            Dossiers actifs par équipe
          </h2>
          <p className="fr-text--sm">Seules les équipes d’au moins 5 professionnels sont présentées à part.</p>
          <PublishedTableView
            caption={`Dossiers actifs par équipe — fin ${periodText({ fromMonth: teams.data.period.toMonth, toMonth: teams.data.period.toMonth })}`}
            table={teams.data.table}
            labels={{ rowVar: null, colVar: 'Équipe', rows: {}, cols: teams.data.labels.cols }}
          />
        </section>
      ) : null}
      {scope.ownActivity && mine.data ? (
        <section aria-labelledby="stat-moi" className="fr-mb-5w">
          <h2 id="stat-moi" className="fr-h4">
            Mon activité
          </h2>
          <p className="fr-text--sm">Visible de vous seul·e : personne d’autre n’a accès à vos chiffres.</p>
          <PublishedTableView
            caption={`Mes entrées du journal — ${periodText(mine.data.period)}`}
            table={mine.data.table}
            labels={{ rowVar: null, colVar: 'Type d’entrée', rows: {}, cols: mine.data.labels.cols }}
          />
        </section>
      ) : null}
      {scope.yearlyReport ? (
        <section aria-labelledby="stat-rapport" className="fr-mb-5w">
          <h2 id="stat-rapport" className="fr-h4">
            Rapport d’activité annuel
          </h2>
          <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
            {scope.sites.length > 1 ? (
              <div className="fr-col-12 fr-col-md-4">
                <SelectField
                  name="reportSite"
                  label="Site"
                  value={reportSite}
                  onChange={setReportSite}
                  options={scope.sites.map((s) => ({ value: s.id, label: s.name }))}
                />
              </div>
            ) : null}
            <div className="fr-col-6 fr-col-md-2">
              <SelectField
                name="reportYear"
                label="Année"
                value={year}
                onChange={setYear}
                options={years.map((y) => ({ value: y, label: y }))}
              />
            </div>
            <div className="fr-col-12 fr-col-md-4 fr-mb-3w">
              <a
                className="fr-btn fr-btn--icon-left fr-icon-file-pdf-line"
                href={reportHref(reportSite, Number(year))}
                download
              >
                Télécharger le rapport (PDF)
              </a>
            </div>
          </div>
        </section>
      ) : null}
    </>
  );
}

import { useEffect } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { paths } from '../../config/paths';
import { AccueilPanel } from '../../features/accueil/components/accueil-panel';
import { ReviewSummary } from '../../features/break-glass/components/review-summary';
import { NotificationsPanel } from '../../features/break-glass/components/notifications-panel';
import { AgendaLoadPanel } from '../../features/journal/components/agenda-load-panel';
import { DayPanel } from '../../features/journal/components/day-panel';
import { TodoPanel } from '../../features/journal/components/todo-panel';
import { RetentionPanel } from '../../features/retention/components/retention-panel';
import { LateRepaymentsPanel } from '../../features/aids/components/late-repayments-panel';
import { useMyUsagers } from '../../features/usagers/api/get-my-usagers';
import { useTeamUsagers } from '../../features/usagers/api/get-team-usagers';
import { UsagerPicker } from '../../features/usagers/components/usager-picker';
import { UsagerListTable } from '../../features/usagers/components/usager-list-table';
import { UsagerSearch } from '../../features/usagers/components/usager-search';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { homeOf, useSession } from './require-auth';

/**
 * Home of site roles, one per role: the search (focused on arrival) at the top; a social worker then finds today's
 * appointments, "à faire" and the file active; a secretary the site's day by worker and the reception list. Admin and
 * DPO land on their pages.
 */
export function HomeRoute() {
  const me = useSession();
  const siteRole = me.can.landing === 'search';
  useDocumentTitle('Accueil');
  const role = me.user.role;
  const secretary = role === 'secretaire';
  const worker = role === 'travailleur_social';
  const mine = useMyUsagers(siteRole && !secretary);
  const team = useTeamUsagers(siteRole && !secretary);
  useEffect(() => {
    if (worker || secretary) document.getElementById('recherche-usager')?.focus();
  }, [worker, secretary]);
  if (!siteRole) return <Navigate to={homeOf(me)} replace />;
  const canCreate = me.can.createUsager;

  return (
    <>
      <div className="fr-grid-row fr-grid-row--middle fr-mb-2w">
        <div className="fr-col">
          <h1 className="fr-mb-0">Usagers{me.user.siteName ? ` — ${me.user.siteName}` : ''}</h1>
        </div>
        {canCreate ? (
          <div className="fr-col-auto">
            <Link className="fr-btn fr-btn--icon-left fr-icon-add-line" to={paths.usagerNew.href()}>
              Créer un dossier
            </Link>
          </div>
        ) : null}
      </div>
      <NotificationsPanel />
      {me.can.reviewBreakGlass && role === 'responsable' ? <ReviewSummary /> : null}
      {me.can.reviewBreakGlass && role === 'responsable' ? <AgendaLoadPanel /> : null}
      {me.can.reviewBreakGlass ? (
        <p className="fr-mb-4w">
          <Link className="fr-link fr-icon-bar-chart-box-line fr-link--icon-left" to={paths.statistics.href()}>
            Chiffres clés du site
          </Link>
        </p>
      ) : null}
      <UsagerSearch canBreakGlass={me.can.requestBreakGlass} />
      {worker || secretary ? <DayPanel siteView={secretary} /> : null}
      {secretary ? <AccueilPanel secretary renderUsagerPicker={(p) => <UsagerPicker {...p} />} /> : null}
      {me.can.todo ? <TodoPanel /> : null}
      {me.can.listRetentionUpcoming ? <RetentionPanel /> : null}
      {me.can.aidLateRepayments ? <LateRepaymentsPanel /> : null}
      {secretary ? null : (
        <>
          <section aria-labelledby="ma-file-active" className="fr-mb-6w">
            <h2 id="ma-file-active">Ma file active</h2>
            <UsagerListTable
              caption="Ma file active"
              items={mine.data?.items}
              isPending={mine.isPending}
              error={mine.error}
              empty="Aucun dossier suivi avec un contact dans les 12 derniers mois."
            />
          </section>
          <section aria-labelledby="mon-equipe">
            <h2 id="mon-equipe">Mon équipe</h2>
            <UsagerListTable
              caption="Mon équipe"
              items={team.data?.items}
              isPending={team.isPending}
              error={team.error}
              empty="Aucun dossier suivi par votre équipe."
            />
          </section>
        </>
      )}
    </>
  );
}

import { useSearchParams } from 'react-router-dom';
import { AgendaView, type AgendaMode } from '../../features/journal/components/agenda-view';
import { UsagerPicker } from '../../features/usagers/components/usager-picker';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { isDay, todayDay } from '../../lib/dates';
import { NotFoundRoute } from './not-found';
import { useSession } from './require-auth';

/** Roles that have an agenda: social workers (their own) and secretaries (the site's). */

/** /agenda — week or day of appointments (`?vue=jour&date=aaaa-mm-jj&pro=<worker>`). Loaded on demand. */
export function AgendaRoute() {
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const mode: AgendaMode = params.get('vue') === 'jour' ? 'jour' : 'semaine';
  const raw = params.get('date');
  const date = isDay(raw) ? raw : todayDay();
  const pro = params.get('pro') || undefined;
  const siteView = me.can.agenda === 'site';
  useDocumentTitle(siteView ? 'Agenda du site' : 'Mon agenda');
  if (!me.can.agenda) return <NotFoundRoute title="Agenda réservé aux travailleurs sociaux et au secrétariat" />;

  const handleNavigate = (p: { vue: AgendaMode; date: string; pro?: string }) => {
    const next: Record<string, string> = { vue: p.vue, date: p.date };
    if (p.pro) next.pro = p.pro;
    setParams(next);
  };

  return (
    <>
      <h1>{siteView ? `Agenda du site${me.user.siteName ? ` — ${me.user.siteName}` : ''}` : 'Mon agenda'}</h1>
      <AgendaView
        mode={mode}
        date={date}
        siteView={siteView}
        workerId={siteView ? pro : undefined}
        onNavigate={handleNavigate}
        renderUsagerPicker={(p) => <UsagerPicker {...p} />}
      />
    </>
  );
}

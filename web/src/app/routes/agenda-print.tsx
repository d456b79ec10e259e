import { Button } from '@codegouvfr/react-dsfr/Button';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { paths } from '../../config/paths';
import { AgendaPrintList } from '../../features/journal/components/agenda-print';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { isDay, longDay } from '../../lib/dates';
import { NotFoundRoute } from './not-found';
import { useSession } from './require-auth';

/** /agenda/jour/:date/impression — the day's appointments, laid out for paper (header, menus and buttons hidden). */
export function AgendaPrintRoute() {
  const me = useSession();
  const { date = '' } = useParams();
  const [params] = useSearchParams();
  const pro = me.can.agenda === 'site' ? params.get('pro') || undefined : undefined;
  const title = isDay(date) ? `Rendez-vous du ${longDay(date)}` : 'Date invalide';
  useDocumentTitle(title);
  if (!me.can.agenda) return <NotFoundRoute title="Agenda réservé aux travailleurs sociaux et au secrétariat" />;
  if (!isDay(date)) return <NotFoundRoute title="Date invalide" />;
  const who = me.can.agenda === 'site' ? (me.user.siteName ?? 'Site') : me.user.displayName;

  return (
    <div className="jalon-print-page">
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left jalon-no-print">
        <Button iconId="fr-icon-printer-line" onClick={() => window.print()}>
          Imprimer
        </Button>
        <Link className="fr-btn fr-btn--secondary" to={paths.agenda.href({ vue: 'jour', date, pro })}>
          Retour à l’agenda
        </Link>
      </div>
      <h1 className="fr-h3">{title}</h1>
      <p>{who}</p>
      <AgendaPrintList day={date} workerId={pro} caption={`${title} — ${who}`} />
    </div>
  );
}

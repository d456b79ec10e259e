import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { useNotifications } from '../api/get-notifications';
import { useMarkNotificationRead } from '../api/mark-notification-read';

/** Home page: my notifications (motivated accesses to the files I follow), with the count of unread ones. */
export function NotificationsPanel() {
  const { data } = useNotifications();
  const mark = useMarkNotificationRead();
  if (!data || data.items.length === 0) return null;
  return (
    <section aria-labelledby="notifications" className="fr-mb-4w">
      <h2 id="notifications" className="fr-h4">
        Notifications{' '}
        {data.unread > 0 ? (
          <Badge severity="new" small>{`${data.unread} non lue${data.unread > 1 ? 's' : ''}`}</Badge>
        ) : null}
      </h2>
      <ul className="fr-raw-list">
        {data.items.slice(0, 10).map((n) => (
          <li key={n.id} className={`fr-py-1w${n.read ? '' : ' fr-text--bold'}`}>
            <span className="fr-text--sm fr-mr-1w">{formatDateTime(n.createdAt)}</span>
            {n.caseFileId ? <Link to={paths.usager.href(n.caseFileId)}>{n.text}</Link> : n.text}
            {!n.read ? (
              <Button size="small" priority="tertiary" className="fr-ml-1w" onClick={() => mark.mutate(n.id)}>
                Marquer comme lue
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

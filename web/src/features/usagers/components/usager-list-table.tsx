import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { paths } from '../../../config/paths';
import { dash, formatDate, formatDateTime } from '../../../lib/format';
import type { UsagerListItem } from '../types';
import { StatusBadge } from './status-badge';

interface UsagerListTableProps {
  caption: string;
  items: UsagerListItem[] | undefined;
  isPending: boolean;
  error: unknown;
  empty: ReactNode;
}

/** "Ma file active" and "Mon équipe": each name opens the file. */
export function UsagerListTable({ caption, items, isPending, error, empty }: UsagerListTableProps) {
  if (error) return <ErrorAlert error={error} title={`${caption} : chargement impossible`} />;
  if (isPending || !items) return <Loading />;
  return (
    <DataTable
      caption={caption}
      hideCaption
      empty={empty}
      headers={['Usager', 'Date de naissance', 'N° de dossier', 'Équipe', 'Référent', 'Dernier contact', 'Statut']}
      rows={items.map((u) => ({
        key: u.id,
        cells: [
          <Link key="l" to={paths.usager.href(u.id)}>
            {u.displayName}
          </Link>,
          formatDate(u.birthDate),
          u.fileNumber,
          dash(u.teamName),
          dash(u.referentName),
          formatDateTime(u.lastContactAt),
          <StatusBadge key="s" status={u.status} />,
        ],
      }))}
    />
  );
}

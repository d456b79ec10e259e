import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState, type ReactNode } from 'react';
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
  /** Rows shown before "Afficher tout" (long lists stay readable). */
  pageSize?: number;
}

/** "Ma file active" and "Mon équipe": each name opens the file. */
export function UsagerListTable({ caption, items, isPending, error, empty, pageSize = 20 }: UsagerListTableProps) {
  const [showAll, setShowAll] = useState(false);
  if (error) return <ErrorAlert error={error} title={`${caption} : chargement impossible`} />;
  if (isPending || !items) return <Loading />;
  const shown = showAll ? items : items.slice(0, pageSize);
  return (
    <>
      <DataTable
        caption={caption}
        hideCaption
        empty={empty}
        headers={['Usager', 'Date de naissance', 'N° de dossier', 'Équipe', 'Référent', 'Dernier contact', 'Statut']}
        rows={shown.map((u) => ({
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
      {items.length > pageSize ? (
        <Button priority="secondary" size="small" onClick={() => setShowAll((v) => !v)}>
          {showAll ? `Afficher les ${pageSize} premiers` : `Afficher les ${items.length} dossiers`}
        </Button>
      ) : null}
    </>
  );
}

import type { UsagerDto } from '@jalon/core';
import { DescriptionList } from '../../../components/ui/description-list';
import { dash, formatDate, formatDateTime } from '../../../lib/format';
import { personName } from '../coded';
import { ManageReferentsButton } from './referents-dialog';
import { StatusBadge } from './status-badge';
import { StatusControl } from './status-control';

/** Who the file is about and who follows it; the actions the server allows are next to it. */
export function UsagerFileHeader({ dto }: { dto: UsagerDto }) {
  const { data, can } = dto;
  const coReferents = data.coReferents.map((c) => c.displayName).join(', ');
  return (
    <div className="fr-mb-4w">
      <h1 className="fr-mb-1w">{personName(data.person)}</h1>
      <p className="fr-mb-2w">
        Dossier n° <strong>{data.fileNumber}</strong> <StatusBadge status={data.status} />
        <span className="fr-ml-2w">Né·e le {formatDate(data.person.birthDate)}</span>
      </p>
      <DescriptionList
        items={[
          ['Site', `${data.site.name}`],
          ['Équipe', dash(data.team?.name)],
          ['Référent', dash(data.referent?.displayName)],
          ...(coReferents ? ([['Co-référents', coReferents]] as [string, string][]) : []),
          ['Dernier contact', formatDateTime(data.lastContactAt)],
          ['Ouvert le', formatDateTime(data.openedAt)],
          ...(data.status === 'clos' && data.full?.closingReason
            ? ([['Motif de clôture', data.full.closingReason]] as [string, string][])
            : []),
        ]}
      />
      {can.manageReferents || can.changeStatus ? (
        <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
          {can.manageReferents ? <ManageReferentsButton /> : null}
          {can.changeStatus ? <StatusControl dto={dto} /> : null}
        </div>
      ) : null}
    </div>
  );
}

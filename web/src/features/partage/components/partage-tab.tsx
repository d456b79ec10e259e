import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { dash, formatDate } from '../../../lib/format';
import { shareExtractHref, usePartage } from '../api/get-partage';
import { ConsentForm } from './consent-form';
import { ShareForm } from './share-form';

/** "Partages": what was shared with whom, on which ground; the consents of the person; the forms to record them. */
export function PartageTab({ fileId }: { fileId: string }) {
  const query = usePartage(fileId);
  if (query.error) return <ErrorAlert error={query.error} title="Partages indisponibles" />;
  if (query.isPending) return <Loading />;
  const { shares, consents, can } = query.data;
  return (
    <>
      <h2 className="fr-h4">Partages d’informations</h2>
      <DataTable
        caption="Partages enregistrés"
        hideCaption
        empty="Aucun partage enregistré."
        headers={['Date', 'Destinataire', 'Fondement', 'Sections', 'Personne informée', 'Extrait']}
        rows={shares.map((s) => ({
          key: s.id,
          cells: [
            formatDate(s.sharedDate),
            [s.recipientName, s.recipientOrganisation].filter(Boolean).join(', '),
            s.legalGround.label,
            s.sections.map((x) => x.label).join(', '),
            s.personInformed ? 'Oui' : `Non : ${dash(s.notInformedReason)}`,
            <a
              key="pdf"
              className="fr-link fr-icon-download-line fr-link--icon-left"
              href={shareExtractHref(fileId, s.id)}
            >
              PDF
            </a>,
          ],
        }))}
      />
      <h3 className="fr-h5 fr-mt-4w">Consentements</h3>
      <DataTable
        caption="Consentements"
        hideCaption
        empty="Aucun consentement enregistré."
        headers={['Finalité', 'Destinataire', 'Donné le', 'Retiré le']}
        rows={consents.map((c) => ({
          key: c.id,
          cells: [
            dash(c.purpose),
            dash(c.recipient),
            formatDate(c.givenDate),
            c.withdrawnDate ? formatDate(c.withdrawnDate) : '—',
          ],
        }))}
      />
      {can.create ? (
        <div className="fr-grid-row fr-grid-row--gutters fr-mt-4w">
          <div className="fr-col-12 fr-col-md-7">
            <ShareForm fileId={fileId} consents={consents} />
          </div>
          <div className="fr-col-12 fr-col-md-5">
            <ConsentForm fileId={fileId} />
          </div>
        </div>
      ) : null}
    </>
  );
}

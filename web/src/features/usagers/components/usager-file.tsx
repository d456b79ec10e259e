import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { isApiError } from '../../../lib/api-client';
import { useUsager } from '../api/get-usager';
import { personName } from '../coded';
import { ConsultationsTab } from './consultations-tab';
import { FullSections } from './full-sections';
import { GeneralSections } from './general-sections';
import { HouseholdTab } from './household-tab';
import { ReferentsDialog } from './referents-dialog';
import { UsagerFileHeader } from './usager-file-header';

const GENERAL_ONLY =
  'Vous voyez la partie générale de ce dossier. Le détail est réservé au référent et à son équipe.';

/** The file page: general part for the whole site, tabs for those who follow the file. */
export function UsagerFile({ id }: { id: string }) {
  const query = useUsager(id);
  const [params, setParams] = useSearchParams();
  const dto = query.data;
  const notFound = isApiError(query.error) && query.error.status === 404;
  useDocumentTitle(dto ? `Dossier de ${personName(dto.data.person)}` : notFound ? 'Dossier introuvable' : 'Dossier');

  if (query.isPending) return <Loading label="Chargement du dossier…" />;
  if (query.error || !dto) {
    if (notFound) return <FileNotFound />;
    return <ErrorAlert error={query.error} title="Dossier indisponible" titleAs="h2" />;
  }

  const { data, can } = dto;
  const tabs = [
    { tabId: 'situation', label: 'Situation' },
    { tabId: 'foyer', label: 'Foyer' },
    ...(can.readConsultations ? [{ tabId: 'consultations', label: 'Consultations' }] : []),
  ];
  const selected = tabs.find((t) => t.tabId === params.get('onglet'))?.tabId ?? 'situation';
  const handleTabChange = (tabId: string) => setParams({ onglet: tabId }, { replace: true });

  return (
    <>
      <UsagerFileHeader dto={dto} />
      {can.manageReferents ? <ReferentsDialog dto={dto} /> : null}
      {!data.full ? (
        <>
          <Notice title={GENERAL_ONLY} className="fr-mb-4w" />
          <GeneralSections dto={dto} />
        </>
      ) : (
        <Tabs label="Parties du dossier" tabs={tabs} selectedTabId={selected} onTabChange={handleTabChange}>
          {selected === 'situation' ? (
            <>
              <GeneralSections dto={dto} />
              <FullSections dto={dto} />
            </>
          ) : null}
          {selected === 'foyer' ? <HouseholdTab dto={dto} /> : null}
          {selected === 'consultations' ? <ConsultationsTab usagerId={data.id} /> : null}
        </Tabs>
      )}
    </>
  );
}

function FileNotFound() {
  return (
    <>
      <h1>Dossier introuvable ou non accessible</h1>
      <p>Ce dossier n’existe pas, ou il n’est pas visible depuis votre site. Vérifiez le lien ou faites une recherche.</p>
    </>
  );
}

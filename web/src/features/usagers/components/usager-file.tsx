import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import type { UsagerDto } from '@jalon/core';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { isApiError } from '../../../lib/api-client';
import { useRestrictions } from '../api/file-rights';
import { useUsager } from '../api/get-usager';
import { personName } from '../coded';
import { ConsultationsTab } from './consultations-tab';
import { FullSections } from './full-sections';
import { GeneralSections } from './general-sections';
import { HistoryTab } from './history-tab';
import { HouseholdTab } from './household-tab';
import { ReferentsDialog } from './referents-dialog';
import { readOnlyWhileLimited, RestrictionsPanel } from './restrictions-panel';
import { UsagerFileHeader } from './usager-file-header';

const GENERAL_ONLY = 'Vous voyez la partie générale de ce dossier. Le détail est réservé au référent et à son équipe.';

/** A tab another feature adds to the file (the page composes them: the journal). */
export interface FileTab {
  tabId: string;
  label: string;
  content: ReactNode;
}

interface UsagerFileProps {
  id: string;
  /** Tabs after Situation / Foyer / Consultations, decided from the file and the session by the page. */
  extraTabs?: (dto: UsagerDto) => FileTab[];
  /** Shown under the "not found" message (the page offers a motivated access there). */
  notFoundExtra?: ReactNode;
}

/** The file page: general part for the whole site, tabs for those who follow the file. */
export function UsagerFile({ id, extraTabs, notFoundExtra }: UsagerFileProps) {
  const query = useUsager(id);
  const [params, setParams] = useSearchParams();
  // While a limitation (RGPD art. 18) is active, the file is shown read-only (the server refuses writes: 409).
  const restrictions = useRestrictions(id);
  const dto = query.data && readOnlyWhileLimited(query.data, restrictions.data?.items);
  const notFound = isApiError(query.error) && query.error.status === 404;
  useDocumentTitle(dto ? `Dossier de ${personName(dto.data.person)}` : notFound ? 'Dossier introuvable' : 'Dossier');

  if (query.isPending) return <Loading label="Chargement du dossier…" />;
  if (query.error || !dto) {
    if (notFound)
      return (
        <>
          <FileNotFound />
          {notFoundExtra}
        </>
      );
    return <ErrorAlert error={query.error} title="Dossier indisponible" titleAs="h2" />;
  }

  const { data, can } = dto;
  const extra = extraTabs?.(dto) ?? [];
  const tabs = [
    { tabId: 'situation', label: 'Situation' },
    ...(data.full ? [{ tabId: 'foyer', label: 'Foyer' }] : []),
    ...(can.readConsultations ? [{ tabId: 'consultations', label: 'Consultations' }] : []),
    ...(data.full ? [{ tabId: 'historique', label: 'Historique' }] : []),
    ...extra.map(({ tabId, label }) => ({ tabId, label })),
  ];
  const selected = tabs.find((t) => t.tabId === params.get('onglet'))?.tabId ?? 'situation';
  const handleTabChange = (tabId: string) => setParams({ onglet: tabId }, { replace: true });
  const generalOnly = !data.full ? <Notice title={GENERAL_ONLY} className="fr-mb-4w" /> : null;

  return (
    <>
      <UsagerFileHeader dto={dto} />
      {can.manageReferents ? <ReferentsDialog dto={dto} /> : null}
      {/* The référent records the flags (same rule as the consultations: core canManageRestrictions). */}
      <RestrictionsPanel usagerId={data.id} canManage={can.readConsultations} />
      {tabs.length === 1 ? (
        <>
          {generalOnly}
          <GeneralSections dto={dto} />
        </>
      ) : (
        <Tabs label="Parties du dossier" tabs={tabs} selectedTabId={selected} onTabChange={handleTabChange}>
          {selected === 'situation' ? (
            <>
              {generalOnly}
              <GeneralSections dto={dto} />
              {data.full ? <FullSections dto={dto} /> : null}
            </>
          ) : null}
          {selected === 'foyer' ? <HouseholdTab dto={dto} /> : null}
          {selected === 'consultations' ? <ConsultationsTab usagerId={data.id} /> : null}
          {selected === 'historique' ? <HistoryTab usagerId={data.id} /> : null}
          {extra.find((t) => t.tabId === selected)?.content ?? null}
        </Tabs>
      )}
    </>
  );
}

function FileNotFound() {
  return (
    <>
      <h1>Dossier introuvable ou non accessible</h1>
      <p>
        Ce dossier n’existe pas, ou il n’est pas visible depuis votre site. Vérifiez le lien ou faites une recherche.
      </p>
    </>
  );
}

import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { useSearchParams } from 'react-router-dom';
import { CodeListsTab } from '../../features/admin/components/code-lists-tab';
import { JobsTab } from '../../features/admin/components/jobs-tab';
import { MotifsTab } from '../../features/admin/components/motifs-tab';
import { ParametersTab } from '../../features/admin/components/parameters-tab';
import { PartnersTab } from '../../features/admin/components/partners-tab';
import { RegisterTab } from '../../features/admin/components/register-tab';
import { RsaActionsTab } from '../../features/admin/components/rsa-actions-tab';
import { SitesTab } from '../../features/admin/components/sites-tab';
import { TeamsTab } from '../../features/admin/components/teams-tab';
import { UsersTab } from '../../features/admin/components/users-tab';
import { LetterTemplatesTab } from '../../features/letters/components/letter-templates-tab';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { NotFoundRoute } from './not-found';
import { useSession } from './require-auth';

const TABS = [
  { tabId: 'sites', label: 'Sites' },
  { tabId: 'equipes', label: 'Équipes' },
  { tabId: 'utilisateurs', label: 'Utilisateurs' },
  { tabId: 'motifs', label: 'Motifs' },
  { tabId: 'partenaires', label: 'Partenaires' },
  { tabId: 'listes', label: 'Listes de codes' },
  { tabId: 'courriers', label: 'Courriers' },
  { tabId: 'actions-rsa', label: 'Actions RSA' },
  { tabId: 'parametres', label: 'Paramètres' },
  { tabId: 'taches', label: 'Tâches' },
  { tabId: 'registre', label: 'Registre des traitements' },
];

/** /admin — organisation settings, for the functional admin (no usager content here). Loaded on demand. */
export function AdminRoute() {
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const selected = TABS.find((t) => t.tabId === params.get('onglet'))?.tabId ?? 'sites';
  const label = TABS.find((t) => t.tabId === selected)?.label ?? '';
  useDocumentTitle(`Administration — ${label}`);
  if (!me.can.manageOrganisation) return <NotFoundRoute title="Accès réservé à l’administration fonctionnelle" />;

  return (
    <>
      <h1>Administration</h1>
      <Tabs
        label="Administration"
        tabs={TABS}
        selectedTabId={selected}
        onTabChange={(tabId) => setParams({ onglet: tabId }, { replace: true })}
      >
        {selected === 'sites' ? <SitesTab /> : null}
        {selected === 'equipes' ? <TeamsTab /> : null}
        {selected === 'utilisateurs' ? <UsersTab /> : null}
        {selected === 'motifs' ? <MotifsTab /> : null}
        {selected === 'partenaires' ? <PartnersTab /> : null}
        {selected === 'listes' ? <CodeListsTab /> : null}
        {selected === 'courriers' ? <LetterTemplatesTab /> : null}
        {selected === 'actions-rsa' ? <RsaActionsTab /> : null}
        {selected === 'parametres' ? <ParametersTab /> : null}
        {selected === 'taches' ? <JobsTab /> : null}
        {selected === 'registre' ? <RegisterTab /> : null}
      </Tabs>
    </>
  );
}

import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { useSites } from '../api/get-sites';
import type { SiteDto } from '../types';
import { SiteForm } from './site-form';
import { SiteProfileSelect } from './site-profile-select';

/** The sites (EPS, PSA) with their arrondissements. */
export function SitesTab() {
  const sites = useSites();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<SiteDto | null>(null);
  if (sites.error) return <ErrorAlert error={sites.error} title="Sites indisponibles" titleAs="h2" />;
  if (sites.isPending) return <Loading />;
  return (
    <>
      <div className="fr-grid-row fr-grid-row--middle fr-mb-2w">
        <h2 className="fr-h4 fr-col fr-mb-0">Sites</h2>
        {!creating ? (
          <Button size="small" iconId="fr-icon-add-line" onClick={() => setCreating(true)}>
            Créer un site
          </Button>
        ) : null}
      </div>
      {creating ? <SiteForm onDone={() => setCreating(false)} /> : null}
      {editing ? <SiteForm key={editing.id} site={editing} onDone={() => setEditing(null)} /> : null}
      <DataTable
        caption="Sites"
        hideCaption
        empty="Aucun site."
        headers={['Code', 'Nom', 'Type', 'Arrondissements', 'Profil (sections facultatives)', 'Action']}
        rows={sites.data.items.map((s) => ({
          key: s.id,
          cells: [
            s.code,
            s.name,
            s.kind,
            s.arrondissements.length ? s.arrondissements.join(', ') : '—',
            <SiteProfileSelect key="p" site={s} />,
            <Button
              key="e"
              priority="tertiary"
              size="small"
              onClick={() => setEditing(s)}
              nativeButtonProps={{ 'aria-label': `Modifier le site ${s.name}` }}
            >
              Modifier
            </Button>,
          ],
        }))}
      />
    </>
  );
}

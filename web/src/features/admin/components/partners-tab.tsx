import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { dash } from '../../../lib/format';
import { usePartners } from '../api/get-partners';
import type { PartnerDto } from '../types';
import { PartnerForm } from './partner-form';

/** The partner directory used by orientations (CAF, France Travail, CMP, PMI, associations…). */
export function PartnersTab() {
  const partners = usePartners();
  const [panel, setPanel] = useState<{ kind: 'create' } | { kind: 'edit'; partner: PartnerDto } | null>(null);
  if (partners.error) return <ErrorAlert error={partners.error} title="Partenaires indisponibles" titleAs="h2" />;
  if (partners.isPending) return <Loading />;
  const close = () => setPanel(null);

  return (
    <>
      <div className="fr-grid-row fr-grid-row--middle fr-mb-2w">
        <h2 className="fr-h4 fr-col fr-mb-0">Partenaires</h2>
        {panel?.kind !== 'create' ? (
          <Button size="small" iconId="fr-icon-add-line" onClick={() => setPanel({ kind: 'create' })}>
            Ajouter un partenaire
          </Button>
        ) : null}
      </div>
      {panel?.kind === 'create' ? <PartnerForm onDone={close} /> : null}
      {panel?.kind === 'edit' ? <PartnerForm key={panel.partner.id} partner={panel.partner} onDone={close} /> : null}
      <DataTable
        caption="Partenaires"
        hideCaption
        empty="Aucun partenaire."
        headers={['Nom', 'Type', 'Adresse', 'Téléphone', 'État', 'Action']}
        rows={partners.data.items.map((p) => ({
          key: p.id,
          cells: [
            p.name,
            p.kind,
            dash(p.address),
            dash(p.phone),
            p.active ? (
              <Badge key="b" small noIcon severity="success">
                Actif
              </Badge>
            ) : (
              <Badge key="b" small noIcon>
                Désactivé
              </Badge>
            ),
            <Button
              key="e"
              priority="tertiary"
              size="small"
              onClick={() => setPanel({ kind: 'edit', partner: p })}
              nativeButtonProps={{ 'aria-label': `Modifier le partenaire ${p.name}` }}
            >
              Modifier
            </Button>,
          ],
        }))}
      />
    </>
  );
}

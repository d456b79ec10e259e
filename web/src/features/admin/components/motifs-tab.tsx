import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { useMotifs } from '../api/get-motifs';
import { useUpdateMotif } from '../api/update-motif';
import type { MotifDto } from '../types';
import { MotifForm } from './motif-form';

/** The motifs of the journal: a deactivated motif is no longer offered, old entries keep it. */
export function MotifsTab() {
  const motifs = useMotifs();
  const toggle = useUpdateMotif();
  const [panel, setPanel] = useState<{ kind: 'create' } | { kind: 'edit'; motif: MotifDto } | null>(null);
  if (motifs.error) return <ErrorAlert error={motifs.error} title="Motifs indisponibles" titleAs="h2" />;
  if (motifs.isPending) return <Loading />;
  const close = () => setPanel(null);

  return (
    <>
      <div className="fr-grid-row fr-grid-row--middle fr-mb-2w">
        <h2 className="fr-h4 fr-col fr-mb-0">Motifs du journal</h2>
        {panel?.kind !== 'create' ? (
          <Button size="small" iconId="fr-icon-add-line" onClick={() => setPanel({ kind: 'create' })}>
            Créer un motif
          </Button>
        ) : null}
      </div>
      <p className="fr-text--sm">
        Un motif désactivé n’est plus proposé à la saisie ; les entrées qui le portent le gardent.
      </p>
      {panel?.kind === 'create' ? <MotifForm onDone={close} /> : null}
      {panel?.kind === 'edit' ? <MotifForm key={panel.motif.code} motif={panel.motif} onDone={close} /> : null}
      <ErrorAlert error={toggle.error} title="Motif non modifié" />
      <DataTable
        caption="Motifs du journal"
        hideCaption
        empty="Aucun motif."
        headers={['Libellé', 'Code', 'État', 'Actions']}
        rows={motifs.data.items.map((m) => ({
          key: m.code,
          cells: [
            m.label,
            <code key="c">{m.code}</code>,
            m.active ? (
              <Badge key="b" small noIcon severity="success">
                Actif
              </Badge>
            ) : (
              <Badge key="b" small noIcon>
                Désactivé
              </Badge>
            ),
            <div key="a" className="fr-btns-group fr-btns-group--inline-sm">
              <Button
                priority="tertiary"
                size="small"
                onClick={() => setPanel({ kind: 'edit', motif: m })}
                nativeButtonProps={{ 'aria-label': `Renommer le motif ${m.label}` }}
              >
                Renommer
              </Button>
              <Button
                priority="tertiary"
                size="small"
                disabled={toggle.isPending}
                onClick={() => toggle.mutate({ code: m.code, body: { active: !m.active } })}
                nativeButtonProps={{ 'aria-label': `${m.active ? 'Désactiver' : 'Réactiver'} le motif ${m.label}` }}
              >
                {m.active ? 'Désactiver' : 'Réactiver'}
              </Button>
            </div>,
          ],
        }))}
      />
    </>
  );
}

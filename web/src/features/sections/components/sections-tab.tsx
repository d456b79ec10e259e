import { Button } from '@codegouvfr/react-dsfr/Button';
import type { SectionStatusDto } from '@jalon/core';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { formatDateTime } from '../../../lib/format';
import { useSectionContent } from '../api/get-section';
import { useSections } from '../api/get-sections';
import { OpenSectionForm } from './open-section-form';
import { SectionForm } from './section-form';

/** "Sections facultatives": only what the site's profile offers, each closed until opened with a reason. */
export function SectionsTab({ fileId }: { fileId: string }) {
  const query = useSections(fileId);
  if (query.error) return <ErrorAlert error={query.error} title="Sections facultatives indisponibles" titleAs="h2" />;
  if (query.isPending) return <Loading />;
  const { items, can } = query.data;
  return (
    <>
      <h2 className="fr-h4">Sections facultatives</h2>
      {items.length === 0 ? (
        <p>
          Aucune section facultative n’est proposée sur ce site : le dossier se limite à l’identité, aux coordonnées et
          aux items de base.
        </p>
      ) : (
        <p className="fr-text--sm">
          Ces sections sont fermées par défaut. Ouvrez-en une seulement si elle est nécessaire à l’accompagnement : le
          motif est affiché sur le dossier et chaque consultation est enregistrée.
        </p>
      )}
      {items.map((s) => (
        <SectionBlock key={s.section} fileId={fileId} status={s} canWrite={can.write} />
      ))}
    </>
  );
}

/** "Section Santé ouverte le … par … — motif …", the mention every reader of the full part sees. */
export const openingMention = (s: SectionStatusDto) =>
  `Section ${s.shortLabel} ouverte le ${formatDateTime(s.openedAt)} par ${s.openedBy ?? '—'} — motif : ${s.reasonLabel ?? ''}${s.reasonText ? ` (${s.reasonText})` : ''}`;

function SectionBlock({ fileId, status, canWrite }: { fileId: string; status: SectionStatusDto; canWrite: boolean }) {
  const [opening, setOpening] = useState(false);
  const [shown, setShown] = useState(false);
  const content = useSectionContent(fileId, status.section, status.open && shown);
  const titleId = `section-${status.section}-titre`;
  return (
    <section
      aria-labelledby={titleId}
      className="fr-p-3w fr-mb-3w jalon-section-block"
      style={{ border: '1px solid var(--border-default-grey)' }}
    >
      <h3 id={titleId} className="fr-h6 fr-mb-1w">
        {status.label}
      </h3>
      {!status.open ? (
        <>
          <p className="fr-mb-1w">
            <span className="fr-badge fr-badge--sm">Fermée</span>
          </p>
          {canWrite && !opening ? (
            <Button
              size="small"
              priority="secondary"
              onClick={() => setOpening(true)}
              nativeButtonProps={{ 'aria-label': `Ouvrir la section ${status.shortLabel}` }}
            >
              Ouvrir
            </Button>
          ) : null}
          {opening ? (
            <OpenSectionForm
              fileId={fileId}
              section={status.section}
              label={status.shortLabel}
              onOpened={() => {
                setOpening(false);
                setShown(true);
              }}
              onCancel={() => setOpening(false)}
            />
          ) : null}
        </>
      ) : (
        <>
          <p className="fr-text--sm fr-mb-1w" data-testid={`mention-${status.section}`}>
            {openingMention(status)}
          </p>
          {!status.readable ? (
            <p className="fr-text--sm fr-mb-0">
              Son contenu est réservé aux référents et à la personne qui l’a ouverte. Si vous en avez besoin, demandez
              un accès motivé (lecture seule).
            </p>
          ) : null}
          {status.readable && !shown ? (
            <Button
              size="small"
              priority="secondary"
              onClick={() => setShown(true)}
              nativeButtonProps={{
                'aria-label': `Afficher la section ${status.shortLabel} (consultation enregistrée)`,
              }}
            >
              Afficher
            </Button>
          ) : null}
          {shown && content.isPending ? <Loading /> : null}
          {shown && content.error ? <ErrorAlert error={content.error} title="Section indisponible" /> : null}
          {shown && content.data ? (
            <SectionForm fileId={fileId} section={status.section} label={status.shortLabel} content={content.data} />
          ) : null}
        </>
      )}
    </section>
  );
}

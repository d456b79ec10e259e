import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import type { UsagerDto } from '@jalon/core';
import { useParams, useSearchParams } from 'react-router-dom';
import { paths } from '../../config/paths';
import { BreakGlassForm } from '../../features/break-glass/components/break-glass-form';
import { journalAccess } from '../../features/journal/access';
import { JournalTab } from '../../features/journal/components/journal-tab';
import { SectionsTab } from '../../features/sections/components/sections-tab';
import { PartageTab } from '../../features/partage/components/partage-tab';
import { DocumentsTab } from '../../features/documents/components/documents-tab';
import { useUsager } from '../../features/usagers/api/get-usager';
import { personName } from '../../features/usagers/coded';
import { UsagerFile, type FileTab } from '../../features/usagers/components/usager-file';
import { useKeyShortcut } from '../../hooks/use-key-shortcut';
import { useSession } from './require-auth';

/** /usagers/:id — the file page, with its journal; `n` opens a new entry from anywhere on the page. */
export function UsagerRoute() {
  const { id = '' } = useParams();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const { data: dto } = useUsager(id);
  const access = dto ? journalAccess(me, dto) : null;
  const formOpen = params.get('onglet') === 'journal' && params.get('saisie') === 'nouvelle';
  const setFormOpen = (open: boolean) =>
    setParams(open ? { onglet: 'journal', saisie: 'nouvelle' } : { onglet: 'journal' }, { replace: true });
  useKeyShortcut('n', () => setFormOpen(true), Boolean(access) && !formOpen);

  const extraTabs = (file: UsagerDto): FileTab[] => {
    const a = journalAccess(me, file);
    if (!a) return [];
    const persons = (file.data.full?.household.members ?? [])
      .filter((m) => !m.endDate && m.personId !== file.data.person.id)
      .map((m) => ({ id: m.personId, name: personName(m) }));
    const defaultWorkerId = a.secretary ? (file.data.referent?.id ?? '') : me.user.id;
    return [
      {
        tabId: 'journal',
        label: 'Journal',
        content: (
          <JournalTab
            fileId={file.data.id}
            secretary={a.secretary}
            persons={persons}
            defaultWorkerId={defaultWorkerId}
            formOpen={formOpen}
            onFormOpenChange={setFormOpen}
          />
        ),
      },
      // Sensitive sections follow the need-to-know of the full part (issue 5).
      ...(file.can.readFull
        ? [{ tabId: 'sections', label: 'Sections facultatives', content: <SectionsTab fileId={file.data.id} /> }]
        : []),
      // Documents (pièces justificatives): the full part's need-to-know; the followers add (modules/documents).
      ...(file.can.readFull
        ? [
            {
              tabId: 'documents',
              label: 'Documents',
              content: <DocumentsTab fileId={file.data.id} canAdd={file.can.updateSituation} />,
            },
          ]
        : []),
      // Partage (secret partagé) and consents: the same need-to-know (issue 5).
      ...(file.can.readFull
        ? [{ tabId: 'partages', label: 'Partages', content: <PartageTab fileId={file.data.id} /> }]
        : []),
    ];
  };

  // The access export (RGPD art. 15): référents (who see the consultations) and the responsable of the file's site.
  const canExport = Boolean(
    dto && (dto.can.readConsultations || (me.user.role === 'responsable' && dto.can.manageReferents)),
  );

  return (
    <>
      <Breadcrumb
        currentPageLabel="Dossier"
        segments={[{ label: 'Accueil', linkProps: { to: paths.home.href() } }]}
        className="fr-mt-0 fr-mb-2w"
      />
      <UsagerFile
        key={id}
        id={id}
        extraTabs={extraTabs}
        notFoundExtra={
          me.user.role === 'travailleur_social' || me.user.role === 'responsable' ? (
            <BreakGlassForm fileId={id} />
          ) : null
        }
      />
      {canExport ? (
        <p className="fr-mt-4w">
          Droit d’accès de la personne (RGPD art. 15) :{' '}
          <a
            className="fr-link fr-link--download"
            href={`/api/usagers/${encodeURIComponent(id)}/access-export?format=pdf`}
            download
          >
            Télécharger l’export des données (PDF)
          </a>{' '}
          <a
            className="fr-link fr-link--download fr-ml-2w"
            href={`/api/usagers/${encodeURIComponent(id)}/access-export?format=json`}
            download
          >
            Export JSON
          </a>
        </p>
      ) : null}
    </>
  );
}

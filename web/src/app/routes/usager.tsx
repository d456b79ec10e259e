import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import type { UsagerDto } from '@jalon/core';
import { useParams, useSearchParams } from 'react-router-dom';
import { paths } from '../../config/paths';
import { AccessRequestForm } from '../../features/access-requests/components/access-request-form';
import { BreakGlassForm } from '../../features/break-glass/components/break-glass-form';
import { journalAccess } from '../../features/journal/access';
import { JournalTab } from '../../features/journal/components/journal-tab';
import { SectionsTab } from '../../features/sections/components/sections-tab';
import { PartageTab } from '../../features/partage/components/partage-tab';
import { DocumentsTab } from '../../features/documents/components/documents-tab';
import { GenogramTab } from '../../features/genogram/components/genogram-tab';
import { MergesTab } from '../../features/file-merge/components/merges-tab';
import { BudgetTab } from '../../features/aids/components/budget-tab';
import { RsaTab } from '../../features/rsa/components/rsa-tab';
import { RsaEpTab } from '../../features/rsa-ep/components/rsa-ep-tab';
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
  const access = dto ? journalAccess(dto) : null;
  const formOpen = params.get('onglet') === 'journal' && params.get('saisie') === 'nouvelle';
  const setFormOpen = (open: boolean) =>
    setParams(open ? { onglet: 'journal', saisie: 'nouvelle' } : { onglet: 'journal' }, { replace: true });
  useKeyShortcut('n', () => setFormOpen(true), Boolean(access) && !formOpen);

  const extraTabs = (file: UsagerDto): FileTab[] => {
    const a = journalAccess(file);
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
            entryTypes={file.can.entryTypes}
            persons={persons}
            defaultWorkerId={defaultWorkerId}
            formOpen={formOpen}
            onFormOpenChange={setFormOpen}
            documents={file.can.readFull && !a.secretary ? { canAdd: file.can.updateSituation } : undefined}
          />
        ),
      },
      // Sensitive sections follow the need-to-know of the full part (docs/api.md, Sensitive sections).
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
      // RSA (docs/api.md, "RSA"), with the équipe pluridisciplinaire and sanctions below (modules/rsa-ep).
      ...(file.can.readFull
        ? [
            {
              tabId: 'rsa',
              label: 'RSA',
              content: (
                <>
                  <RsaTab fileId={file.data.id} />
                  {file.can.rsaEp ? <RsaEpTab fileId={file.data.id} canInstruct={file.can.instructRsaEp} /> : null}
                </>
              ),
            },
          ]
        : []),
      // Genogram: the référents and its creator only, as the server decides it (`can.genogram`; docs/api.md, Génogramme).
      ...(file.can.genogram
        ? [
            {
              tabId: 'genogramme',
              label: 'Génogramme',
              content: (
                <GenogramTab
                  fileId={file.data.id}
                  members={file.data.full?.household.members ?? []}
                  personId={file.data.person.id}
                />
              ),
            },
          ]
        : []),
      // Budget and aid applications: the full part's need-to-know; the followers write (docs/api.md, "Budget et aides").
      ...(file.can.readFull
        ? [{ tabId: 'budget', label: 'Budget et aides', content: <BudgetTab fileId={file.data.id} /> }]
        : []),
      // Partage (secret partagé) and consents: the same need-to-know (docs/api.md, Partage and consents).
      ...(file.can.readFull
        ? [{ tabId: 'partages', label: 'Partages', content: <PartageTab fileId={file.data.id} /> }]
        : []),
      // Fusion de dossiers: the référents of the file (docs/api.md, "Fusion de dossiers").
      ...(file.can.readConsultations
        ? [{ tabId: 'fusions', label: 'Fusions', content: <MergesTab dto={file} /> }]
        : []),
    ];
  };

  // The person's right of access (docs/security.md, "Demandes d’accès (Access requests)"): a référent prints what the référent reads;
  // the référent or the site's responsable records a request for the whole file, which the DPO produces.
  const canPrint = Boolean(dto?.can.exportAccess);
  const canRecord = Boolean(dto?.can.recordAccessRequest);

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
        notFoundExtra={me.can.requestBreakGlass ? <BreakGlassForm fileId={id} /> : null}
      />
      {canRecord ? (
        <section className="fr-mt-4w" aria-labelledby="droit-acces-titre">
          <h2 id="droit-acces-titre" className="fr-h5">
            Droit d’accès de la personne (RGPD art. 15)
          </h2>
          {canPrint ? (
            <p>
              Imprimer pour la personne ce que vous consultez dans le dossier :{' '}
              <a
                className="fr-link fr-link--download"
                href={`/api/usagers/${encodeURIComponent(id)}/access-export?format=pdf`}
                download
              >
                Impression (PDF)
              </a>{' '}
              <a
                className="fr-link fr-link--download fr-ml-2w"
                href={`/api/usagers/${encodeURIComponent(id)}/access-export?format=json`}
                download
              >
                Données (JSON)
              </a>
            </p>
          ) : null}
          <p className="fr-text--sm">
            Pour l’ensemble de son dossier, la personne fait une demande d’accès : le délégué à la protection des
            données y répond dans un délai d’un mois.
          </p>
          <AccessRequestForm fileId={id} />
        </section>
      ) : null}
    </>
  );
}

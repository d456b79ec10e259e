import { ROLE_LABELS, type Role } from '@jalon/core';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { dash, formatDateTime } from '../../../lib/format';
import { useConsultations } from '../api/get-consultations';

const PARTS: Record<string, string> = {
  general: 'Partie générale',
  full: 'Dossier complet',
  journal: 'Journal',
  journal_notes: 'Journal avec notes',
  sections: 'Sections facultatives (liste)',
  section_sejour: 'Section Séjour',
  section_langue: 'Section Langue française',
  section_sante: 'Section Santé',
  section_enfance: 'Section Enfance en danger',
  section_rattachement: 'Section Commune de rattachement',
  history: 'Historique des modifications',
  elsewhere_card: 'Fiche « Connu·e ailleurs » (recherche d’un autre site)',
};

/** Who opened the file: names only for the référent's own team, roles and sites for the others. */
export function ConsultationsTab({ usagerId }: { usagerId: string }) {
  const query = useConsultations(usagerId, true);
  if (query.error) return <ErrorAlert error={query.error} title="Consultations indisponibles" />;
  if (query.isPending) return <Loading />;
  return (
    <>
      <h2 className="fr-h4">Consultations du dossier</h2>
      <p className="fr-text--sm">
        Le nom n’est indiqué que pour les membres de votre équipe. Ces informations servent à protéger l’usager, pas à
        évaluer les professionnels.
      </p>
      <DataTable
        caption="Consultations du dossier"
        hideCaption
        empty="Aucune consultation enregistrée."
        headers={['Date', 'Rôle', 'Site', 'Nom', 'Partie consultée']}
        rows={query.data.items.map((c, i) => ({
          key: `${c.at}-${i}`,
          cells: [
            formatDateTime(c.at),
            ROLE_LABELS[c.role as Role] ?? c.role,
            dash(c.siteName),
            c.userName ?? '—',
            PARTS[c.part] ?? c.part,
          ],
        }))}
      />
    </>
  );
}

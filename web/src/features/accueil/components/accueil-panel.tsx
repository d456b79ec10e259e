import { Button } from '@codegouvfr/react-dsfr/Button';
import type { AccueilVisitDto } from '@jalon/core';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { paths } from '../../../config/paths';
import { parisTime } from '../../../lib/dates';
import { useSiteWorkers } from '../../journal/api/get-site-workers';
import type { UsagerPickerProps } from '../../journal/components/book-appointment-form';
import { useAccueilList, useMarkSeen, useRecordArrival, useRecordInFile } from '../api/accueil';

interface AccueilPanelProps {
  /** Secretaries name who receives; a social worker takes the person themself. */
  secretary: boolean;
  /** The usager search comes from the page (the usagers feature). */
  renderUsagerPicker: (props: UsagerPickerProps) => ReactNode;
}

/**
 * The reception list of the site (docs/api.md, "Accueil"): people who came without an appointment, since when they
 * wait, who receives them, and one click to record the accueil in their file.
 */
export function AccueilPanel({ secretary, renderUsagerPicker }: AccueilPanelProps) {
  const list = useAccueilList();
  const workers = useSiteWorkers();
  const arrival = useRecordArrival();
  const seen = useMarkSeen();
  const record = useRecordInFile();
  const [usager, setUsager] = useState<{ id: string; label: string } | null>(null);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const items = list.data?.items ?? [];
  const waiting = items.filter((v) => !v.seenById).length;

  const seenCell = (v: AccueilVisitDto) => {
    if (v.seenByName) return `Reçu·e par ${v.seenByName} à ${v.seenAt ? parisTime(v.seenAt) : ''}`;
    if (!secretary)
      return (
        <Button size="small" priority="secondary" onClick={() => seen.mutate({ visitId: v.id })}>
          Je reçois
        </Button>
      );
    const selectId = `accueil-recu-${v.id}`;
    return (
      <div className="jalon-inline-form">
        <label className="fr-sr-only" htmlFor={selectId}>
          Professionnel qui reçoit {v.usagerName}
        </label>
        <select
          id={selectId}
          className="fr-select"
          value={chosen[v.id] ?? ''}
          onChange={(e) => setChosen((c) => ({ ...c, [v.id]: e.target.value }))}
        >
          <option value="">— Professionnel —</option>
          {(workers.data?.items ?? []).map((w) => (
            <option key={w.id} value={w.id}>
              {w.displayName}
            </option>
          ))}
        </select>
        <Button
          size="small"
          priority="secondary"
          disabled={!chosen[v.id]}
          onClick={() => seen.mutate({ visitId: v.id, workerId: chosen[v.id] })}
        >
          Reçu·e
        </Button>
      </div>
    );
  };

  return (
    <section aria-labelledby="accueil-titre" className="fr-mb-6w">
      <h2 id="accueil-titre">Accueil sans rendez-vous</h2>
      <p className="fr-text--sm">
        {waiting ? `${waiting} personne${waiting > 1 ? 's' : ''} en attente.` : 'Personne en attente.'}
      </p>
      <form
        className="fr-mb-2w"
        aria-label="Ajouter une arrivée"
        onSubmit={(e) => {
          e.preventDefault();
          if (usager) arrival.mutate(usager.id, { onSuccess: () => setUsager(null) });
        }}
      >
        {renderUsagerPicker({ id: 'accueil-usager', value: usager, onChange: setUsager, label: 'Personne arrivée' })}
        <Button type="submit" size="small" iconId="fr-icon-user-add-line" disabled={!usager || arrival.isPending}>
          Ajouter à la liste d’attente
        </Button>
      </form>
      <ErrorAlert error={arrival.error ?? seen.error ?? record.error ?? list.error} title="Action non enregistrée" />
      <DataTable
        caption="Accueil du jour"
        hideCaption
        headers={['Arrivée', 'Usager', 'Reçu·e par', 'Dossier']}
        empty={list.isPending ? 'Chargement…' : 'Aucune arrivée sans rendez-vous aujourd’hui.'}
        rows={items.map((v) => ({
          key: v.id,
          cells: [
            parisTime(v.arrivedAt),
            <Link key="u" to={paths.usager.href(v.caseFileId)}>
              {v.usagerName}
            </Link>,
            seenCell(v),
            v.entryId ? (
              'Accueil enregistré'
            ) : (
              <Button
                key="r"
                size="small"
                disabled={record.isPending}
                nativeButtonProps={{ 'aria-label': `Enregistrer l’accueil de ${v.usagerName} dans le dossier` }}
                onClick={() => record.mutate(v.id)}
              >
                Enregistrer l’accueil
              </Button>
            ),
          ],
        }))}
      />
    </section>
  );
}

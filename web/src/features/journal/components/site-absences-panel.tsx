import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { addDays, todayDay } from '../../../lib/dates';
import { useAbsences } from '../api/absences';
import { useSiteWorkers } from '../api/get-site-workers';
import { AbsenceForm } from './absence-form';
import { AbsenceList } from './absence-list';

/**
 * The responsable's view of the site's declared absences for the four weeks to come, and the form to declare one for
 * a social worker of the site (docs/api.md, "Absences"): bookings over them need an explicit confirmation.
 */
export function SiteAbsencesPanel() {
  const today = todayDay();
  const last = addDays(today, 27);
  const absences = useAbsences(today, last);
  const workers = useSiteWorkers();
  const [declaring, setDeclaring] = useState(false);
  return (
    <section aria-labelledby="absences-site-titre" className="fr-mb-6w">
      <div className="fr-grid-row fr-grid-row--middle fr-mb-2w">
        <h2 id="absences-site-titre" className="fr-col fr-mb-0">
          Absences de l’équipe (4 semaines)
        </h2>
        {!declaring ? (
          <Button priority="secondary" size="small" onClick={() => setDeclaring(true)}>
            Déclarer une absence
          </Button>
        ) : null}
      </div>
      {declaring ? (
        <AbsenceForm
          workers={workers.data?.items ?? []}
          defaultWorkerId=""
          day={today}
          onDone={() => setDeclaring(false)}
        />
      ) : null}
      <ErrorAlert error={absences.error ?? workers.error} title="Absences indisponibles" />
      {absences.data && !absences.data.items.length ? (
        <p className="fr-text--sm">Aucune absence déclarée.</p>
      ) : (
        <AbsenceList absences={absences.data?.items ?? []} siteView />
      )}
    </section>
  );
}

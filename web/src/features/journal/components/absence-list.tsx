import { Button } from '@codegouvfr/react-dsfr/Button';
import type { AbsenceDto } from '@jalon/core';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { parisDay, parisTime, shortDay } from '../../../lib/dates';
import { useWithdrawAbsence } from '../api/absences';
import type { AbsenceSlice } from '../hooks/use-absence-days';

/** "lun. 11 janv. 09:00 → ven. 15 janv. 18:00", Paris time. */
export const absencePeriod = (a: AbsenceDto) =>
  `${shortDay(parisDay(a.startsAt))} ${parisTime(a.startsAt)} → ${shortDay(parisDay(a.endsAt))} ${parisTime(a.endsAt)}`;

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** "Absent : Camille Martin, congé (09:00 – 18:00)" for a day's slice; "toute la journée" when it covers the day. */
export const sliceLabel = (s: AbsenceSlice, withName: boolean) => {
  const time =
    s.fromMinute === 0 && s.toMinute >= 1440 ? 'toute la journée' : `${hhmm(s.fromMinute)} – ${hhmm(s.toMinute)}`;
  return `${withName ? `${s.absence.workerName}, ` : ''}${s.absence.kindLabel.toLowerCase()} (${time})`;
};

/** The absences of the period shown, each withdrawable by whoever may manage it. */
export function AbsenceList({ absences, siteView }: { absences: readonly AbsenceDto[]; siteView: boolean }) {
  const withdraw = useWithdrawAbsence();
  if (!absences.length) return null;
  return (
    <section aria-labelledby="absences-titre" className="fr-mb-2w">
      <h3 id="absences-titre" className="fr-h6 fr-mb-1w">
        Absences de la période
      </h3>
      <ul className="jalon-absences">
        {absences.map((a) => (
          <li key={a.id}>
            <span className="jalon-absence-tag">{a.kindLabel}</span> {siteView ? `${a.workerName} · ` : ''}
            {absencePeriod(a)}{' '}
            {a.canDelete ? (
              <Button
                type="button"
                priority="tertiary no outline"
                size="small"
                disabled={withdraw.isPending}
                onClick={() => withdraw.mutate(a.id)}
                title={`Retirer l’absence (${a.kindLabel}, ${absencePeriod(a)})`}
              >
                Retirer
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <ErrorAlert error={withdraw.error} title="Absence non retirée" />
    </section>
  );
}

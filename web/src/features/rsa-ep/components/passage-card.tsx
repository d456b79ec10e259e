import {
  EP_MOTIF_LABELS,
  EP_OUTCOME_LABELS,
  EP_STATE_LABELS,
  OUTCOMES_BY_MOTIF,
  euros,
  type EpPassageDto,
} from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { documentHref } from '../../documents/api/documents';
import { usePassageAction, type PassageVerb } from '../api/rsa-ep';

/** One action button with its small form (observations, avis, decision…), sent once. */
function ActionForm({
  p,
  verb,
  label,
  children,
  body,
}: {
  p: EpPassageDto;
  verb: PassageVerb;
  label: string;
  children?: React.ReactNode;
  body: () => object;
}) {
  const action = usePassageAction(p.caseFileId, p.id, verb);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    action.mutate(body());
  };
  return (
    <form onSubmit={submit} noValidate className="fr-mb-2w" aria-label={`${label} : ${p.personName}`}>
      {action.error ? <ErrorAlert error={action.error} title={`${label} : refusé`} titleAs="h4" /> : null}
      {children}
      <button type="submit" className="fr-btn fr-btn--sm fr-btn--secondary" disabled={action.isPending}>
        {label}
      </button>
    </form>
  );
}

const fieldsOf = (e: unknown) => (e instanceof ApiError ? e.fields : {});

/** A passage before the EP: its state, the contradictoire, the avis, the decision and sanction, and the next actions. */
export function PassageCard({ p }: { p: EpPassageDto }) {
  const outcomes = OUTCOMES_BY_MOTIF[p.motif].map((o) => ({ value: o, label: EP_OUTCOME_LABELS[o] }));
  const [text, setText] = useState('');
  const [avis, setAvis] = useState<string>(outcomes[0]?.value ?? '');
  const [outcome, setOutcome] = useState<string>(outcomes[0]?.value ?? '');
  const [rate, setRate] = useState('30');
  const [months, setMonths] = useState('1');
  const [reason, setReason] = useState('');
  const open = p.state === 'inscrit' || p.state === 'avis_rendu';
  const s = p.sanction;
  return (
    <article className="fr-card fr-card--no-arrow fr-mb-3w" aria-label={`Passage en EP de ${p.personName}`}>
      <div className="fr-card__body">
        <div className="fr-card__content">
          <h4 className="fr-card__title">
            {p.personName} — {EP_MOTIF_LABELS[p.motif]}
          </h4>
          <p className="fr-card__desc">
            Séance du {formatDate(p.sessionDate)} · <strong>{EP_STATE_LABELS[p.state]}</strong>
          </p>
          <ul className="fr-text--sm">
            {p.facts ? <li>Exposé : {p.facts}</li> : null}
            <li>
              Observations de la personne :{' '}
              {p.observations
                ? `reçues le ${formatDate(p.observations.receivedOn)}${p.observations.text ? ` — ${p.observations.text}` : ''}`
                : `attendues jusqu’au ${formatDate(p.observationsDeadline)}`}
            </li>
            <li>
              Avis de l’EP :{' '}
              {p.avis
                ? p.avis.deemed
                  ? `réputé rendu le ${formatDate(p.avis.on)}`
                  : `${p.avis.code ? EP_OUTCOME_LABELS[p.avis.code] : ''} (${formatDate(p.avis.on)})`
                : `réputé rendu à partir du ${formatDate(p.avisDeemedFrom)} sans réponse`}
            </li>
            {p.decision ? (
              <li>
                Décision du {formatDate(p.decision.on)} : {EP_OUTCOME_LABELS[p.decision.outcome]} ({p.decision.byName})
              </li>
            ) : null}
            {s ? (
              <li>
                Suspension de {s.rate} % pendant {s.months} mois à partir du {formatDate(s.startMonth)} (
                {euros(s.monthlyWithheldCents)} par mois,{' '}
                {s.breach === 'premier' ? 'premier manquement' : 'manquement répété'})
                {s.status === 'levee'
                  ? ` — levée le ${formatDate(s.liftedOn)} (remobilisation), ${euros(s.reversedCents ?? 0)} reversés`
                  : ''}
              </li>
            ) : null}
          </ul>
          {p.notificationDocumentId ? (
            <a
              className="fr-link fr-icon-download-line fr-link--icon-left"
              href={documentHref(p.notificationDocumentId)}
            >
              Notification de la décision (PDF)
            </a>
          ) : null}
          {open && p.motif === 'manquement' && !p.observations ? (
            <ActionForm p={p} verb="observations" label="Enregistrer les observations" body={() => ({ text })}>
              <TextField
                name="text"
                id={`obs-${p.id}`}
                label="Observations de la personne"
                textArea
                value={text}
                onChange={setText}
              />
            </ActionForm>
          ) : null}
          {p.allowed.includes('avis_rendu') ? (
            <ActionForm p={p} verb="avis" label="Enregistrer l’avis de l’EP" body={() => ({ avis })}>
              <SelectField
                name="avis"
                id={`avis-${p.id}`}
                label="Avis de l’équipe pluridisciplinaire"
                value={avis}
                onChange={setAvis}
                options={outcomes}
              />
            </ActionForm>
          ) : null}
          {p.allowed.includes('decide') ? (
            <DecisionForm
              p={p}
              outcomes={outcomes}
              state={{ outcome, setOutcome, rate, setRate, months, setMonths, reason, setReason }}
            />
          ) : null}
          {p.state === 'decide' && !p.notificationDocumentId ? (
            <ActionForm p={p} verb="notification" label="Produire la notification" body={() => ({})} />
          ) : null}
          {s && s.status === 'en_cours' ? (
            <ActionForm p={p} verb="remobilisation" label="Constater la remobilisation" body={() => ({})} />
          ) : null}
          {p.allowed.includes('annule') ? (
            <ActionForm p={p} verb="withdraw" label="Retirer de l’ordre du jour" body={() => ({})} />
          ) : null}
        </div>
      </div>
    </article>
  );
}

interface DecisionState {
  outcome: string;
  setOutcome: (v: string) => void;
  rate: string;
  setRate: (v: string) => void;
  months: string;
  setMonths: (v: string) => void;
  reason: string;
  setReason: (v: string) => void;
}

function DecisionForm({
  p,
  outcomes,
  state: d,
}: {
  p: EpPassageDto;
  outcomes: { value: string; label: string }[];
  state: DecisionState;
}) {
  const action = usePassageAction(p.caseFileId, p.id, 'decision');
  const fields = fieldsOf(action.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    action.mutate({
      outcome: d.outcome,
      ...(d.outcome === 'sanction' ? { rate: Number(d.rate), months: Number(d.months) } : {}),
      ...(d.reason ? { reason: d.reason } : {}),
    });
  };
  return (
    <form onSubmit={submit} noValidate className="fr-mb-2w" aria-label={`Décision : ${p.personName}`}>
      {action.error ? <ErrorAlert error={action.error} title="Décision refusée" titleAs="h4" /> : null}
      <SelectField
        name="outcome"
        id={`outcome-${p.id}`}
        label="Décision"
        value={d.outcome}
        onChange={d.setOutcome}
        options={outcomes}
      />
      {d.outcome === 'sanction' ? (
        <>
          <TextField
            name="rate"
            id={`rate-${p.id}`}
            label="Taux de suspension (%)"
            type="number"
            inputMode="numeric"
            value={d.rate}
            onChange={d.setRate}
            error={fields.rate}
          />
          <TextField
            name="months"
            id={`months-${p.id}`}
            label="Durée (mois)"
            type="number"
            inputMode="numeric"
            value={d.months}
            onChange={d.setMonths}
            error={fields.months}
          />
        </>
      ) : null}
      <TextField
        name="reason"
        id={`reason-${p.id}`}
        label="Motivation"
        textArea
        value={d.reason}
        onChange={d.setReason}
      />
      <button type="submit" className="fr-btn fr-btn--sm" disabled={action.isPending}>
        Enregistrer la décision
      </button>
    </form>
  );
}

import { Button } from '@codegouvfr/react-dsfr/Button';
import {
  COMMISSION_KINDS,
  DECISION_OUTCOMES,
  FSL_FAMILIES,
  euros,
  type CommissionAgendaItemDto,
  type CommissionDecision,
  type CommissionDetailDto,
  type DecisionOutcome,
} from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { formatDate } from '../../../lib/format';
import { useAddToAgenda } from '../api/add-to-agenda';
import { commissionFileUrl, useCommission } from '../api/get-commission';
import { useRecordDecisions } from '../api/record-decisions';

const money = (cents: number | null) => (cents === null ? '—' : euros(cents));

/** "1 234,56" or "1234.56" (euros) → cents; null when not a positive amount. */
export const eurosToCents = (text: string): number | null => {
  const n = Number(text.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(n) && n > 0 ? Math.round(n * 100) : null;
};

function Candidates({ detail }: { detail: CommissionDetailDto }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const mutation = useAddToAgenda(detail.id);
  if (detail.status === 'close') return null;
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate(chosen, { onSuccess: () => setChosen([]) });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="demandes-en-attente" className="fr-mb-4w">
      <h2 id="demandes-en-attente" className="fr-h5">
        Demandes en attente de commission
      </h2>
      {detail.candidates.length === 0 ? <p>Aucune demande en attente.</p> : null}
      <fieldset className="fr-fieldset">
        <legend className="fr-sr-only">Demandes à inscrire à l’ordre du jour</legend>
        {detail.candidates.map((c) => (
          <div key={c.applicationId} className="fr-fieldset__element">
            <div className="fr-checkbox-group">
              <input
                type="checkbox"
                id={`inscrire-${c.applicationId}`}
                checked={chosen.includes(c.applicationId)}
                onChange={() => toggle(c.applicationId)}
              />
              <label className="fr-label" htmlFor={`inscrire-${c.applicationId}`}>
                {c.personName} — {c.aidTypeLabel} — {money(c.requestedCents)}
                {c.urgent ? ' (urgence)' : ''}
              </label>
            </div>
          </div>
        ))}
      </fieldset>
      <ErrorAlert error={mutation.error} title="L’ordre du jour n’a pas été modifié" />
      {detail.candidates.length > 0 ? (
        <Button type="submit" disabled={mutation.isPending || chosen.length === 0}>
          Inscrire à l’ordre du jour
        </Button>
      ) : null}
    </form>
  );
}

interface Draft {
  outcome: DecisionOutcome | '';
  amount: string;
  reason: string;
  /** An FSL accord beyond the aid's 12-month limit: why (the API refuses it without one). */
  derogation: string;
}

const isFsl = (aidType: string) => aidType in FSL_FAMILIES.labels;
const grants = (outcome: Draft['outcome']) => outcome === 'accord' || outcome === 'accord_partiel';

function DecisionFields({
  item,
  draft,
  onChange,
}: {
  item: CommissionAgendaItemDto;
  draft: Draft;
  onChange: (d: Draft) => void;
}) {
  const id = item.applicationId;
  const outcomes = [
    { value: '', label: 'Pas de décision' },
    ...Object.entries(DECISION_OUTCOMES).map(([value, label]) => ({ value, label })),
  ];
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-4">
        <SelectField
          id={`decision-${id}`}
          name="outcome"
          label={`Décision n° ${item.position}`}
          value={draft.outcome}
          onChange={(v) => onChange({ ...draft, outcome: v as Draft['outcome'] })}
          options={outcomes}
        />
      </div>
      <div className="fr-col-12 fr-col-md-3">
        <TextField
          id={`montant-${id}`}
          name="amount"
          label="Montant accordé (€)"
          inputMode="text"
          value={draft.amount}
          onChange={(v) => onChange({ ...draft, amount: v })}
        />
      </div>
      <div className="fr-col-12 fr-col-md-5">
        <TextField
          id={`motif-${id}`}
          name="reason"
          label="Motif"
          value={draft.reason}
          onChange={(v) => onChange({ ...draft, reason: v })}
          maxLength={1000}
        />
      </div>
      {isFsl(item.aidType) && grants(draft.outcome) ? (
        <div className="fr-col-12">
          <TextField
            id={`derogation-${id}`}
            name="derogationReason"
            label="Motif de la dérogation (facultatif)"
            hint="Seulement pour accorder au-delà de la limite d’attributions sur 12 mois fixée pour cette aide"
            value={draft.derogation}
            onChange={(v) => onChange({ ...draft, derogation: v })}
            maxLength={1000}
          />
        </div>
      ) : null}
    </div>
  );
}

function Agenda({ detail }: { detail: CommissionDetailDto }) {
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const mutation = useRecordDecisions(detail.id);
  const open = detail.agenda.filter((a) => a.decision === null);
  const draftOf = (id: string): Draft => drafts[id] ?? { outcome: '', amount: '', reason: '', derogation: '' };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const decisions: CommissionDecision[] = open.flatMap((a) => {
      const d = draftOf(a.applicationId);
      if (!d.outcome) return [];
      const granted = grants(d.outcome);
      const cents = eurosToCents(d.amount);
      return [
        {
          applicationId: a.applicationId,
          outcome: d.outcome,
          amountCents: granted ? (cents ?? undefined) : undefined,
          reason: d.reason || undefined,
          derogationReason: granted && isFsl(a.aidType) && d.derogation ? d.derogation : undefined,
        },
      ];
    });
    mutation.mutate({ decisions }, { onSuccess: () => setDrafts({}) });
  };
  return (
    <section aria-labelledby="ordre-du-jour" className="fr-mb-4w">
      <h2 id="ordre-du-jour" className="fr-h5">
        Ordre du jour
      </h2>
      <DataTable
        caption="Ordre du jour"
        hideCaption
        headers={['N°', 'Demandeur', 'Aide', 'Demandé', 'Décision', 'Accordé']}
        empty="Aucune demande inscrite."
        rows={detail.agenda.map((a) => ({
          key: a.applicationId,
          cells: [
            String(a.position),
            a.personName,
            a.aidTypeLabel,
            money(a.requestedCents),
            a.decision ? DECISION_OUTCOMES[a.decision.outcome] : 'À décider',
            a.decision ? money(a.decision.amountCents) : '—',
          ],
        }))}
      />
      {open.length > 0 ? (
        <form onSubmit={submit} noValidate aria-label="Décisions de la commission">
          {open.map((a) => (
            <fieldset key={a.applicationId} className="fr-fieldset fr-mb-2w">
              <legend className="fr-fieldset__legend fr-text--md">
                N° {a.position} — {a.personName}, {a.aidTypeLabel} ({money(a.requestedCents)})
              </legend>
              <DecisionFields
                item={a}
                draft={draftOf(a.applicationId)}
                onChange={(d) => setDrafts({ ...drafts, [a.applicationId]: d })}
              />
            </fieldset>
          ))}
          <ErrorAlert error={mutation.error} title="Les décisions n’ont pas été enregistrées" />
          <Button type="submit" disabled={mutation.isPending}>
            Enregistrer les décisions
          </Button>
        </form>
      ) : null}
      {mutation.data ? (
        <p role="status" className="fr-text--sm">
          {mutation.data.decided} décision(s) enregistrée(s), {mutation.data.letters} courrier(s) de notification
          produit(s).
        </p>
      ) : null}
    </section>
  );
}

/** One session: its agenda, the bulk decisions, the PV, the letters and the payment file. */
export function CommissionDetail({ id }: { id: string }) {
  const query = useCommission(id);
  if (query.isPending) return <Loading label="Chargement de la commission…" />;
  if (!query.data) return <ErrorAlert error={query.error} title="Commission indisponible" titleAs="h2" />;
  const d = query.data;
  return (
    <>
      <h1>
        Commission {COMMISSION_KINDS[d.kind].toLowerCase()} du {formatDate(d.sessionDate)}
      </h1>
      <p>
        {[d.siteName, d.territory].filter(Boolean).join(' — ')} — {d.status === 'close' ? 'close' : 'ouverte'} —{' '}
        {d.decidedCount} décision(s) sur {d.agendaCount} demande(s) — total accordé : {euros(d.paymentTotalCents)}
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
        <li>
          <a
            className="fr-btn fr-btn--secondary"
            href={commissionFileUrl(d.id, 'pv.pdf')}
            target="_blank"
            rel="noreferrer"
          >
            Procès-verbal (PDF)
          </a>
        </li>
        {d.decidedCount > 0 ? (
          <li>
            <a
              className="fr-btn fr-btn--secondary"
              href={commissionFileUrl(d.id, 'letters.pdf')}
              target="_blank"
              rel="noreferrer"
            >
              Courriers de notification (PDF)
            </a>
          </li>
        ) : null}
        {d.status === 'close' ? (
          <li>
            <a className="fr-btn fr-btn--secondary" href={commissionFileUrl(d.id, 'payments.csv')} download>
              Fichier de paiement (CSV)
            </a>
          </li>
        ) : null}
      </ul>
      <Agenda detail={d} />
      <Candidates detail={d} />
    </>
  );
}

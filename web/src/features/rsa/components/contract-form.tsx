import { Button } from '@codegouvfr/react-dsfr/Button';
import { CONTRACT_DURATIONS, CONTRACT_KINDS, HOURS_REASONS, type ContractInput } from '@jalon/core';
import { useState } from 'react';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api-client';
import { today } from '../../../lib/format';
import { useCreateContract, useRsaActions } from '../api/rsa';
import { labelsOf } from './options';

/** A new contract (or its renewal): kind, dates, weekly hours (a reason below the minimum), plan d'action. */
export function ContractForm(props: {
  fileId: string;
  memberId: string;
  personId: string;
  minHours: number;
  renewalOf?: { id: string; startOn: string } | null;
  onDone: () => void;
}) {
  const create = useCreateContract(props.fileId, props.memberId);
  const actions = useRsaActions();
  const [f, setF] = useState({
    kind: 'contrat_engagement',
    startOn: props.renewalOf?.startOn ?? today(),
    durationMonths: '6',
    weeklyHours: String(props.minHours),
    hoursReason: '',
    hoursReasonText: '',
    signedOn: '',
  });
  const [chosen, setChosen] = useState<string[]>([]);
  const id = (k: string) => `rsa-${props.personId}-c-${k}`;
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const err = (k: string) => (isApiError(create.error) ? create.error.fields[k] : undefined);
  const lowered = f.kind === 'contrat_engagement' && Number(f.weeklyHours) < props.minHours;
  const submit = () => {
    const body: Partial<ContractInput> = {
      kind: f.kind as ContractInput['kind'],
      startOn: f.startOn,
      durationMonths: Number(f.durationMonths) as ContractInput['durationMonths'],
      weeklyHours: f.weeklyHours === '' ? null : Number(f.weeklyHours),
      hoursReason: lowered && f.hoursReason ? (f.hoursReason as ContractInput['hoursReason']) : null,
      hoursReasonText: lowered ? f.hoursReasonText : null,
      signedOn: f.signedOn || null,
      renewalOf: props.renewalOf?.id ?? null,
      actions: chosen.map((actionId) => ({ actionId, status: 'prevue' as const })),
    };
    create.mutate(body, { onSuccess: props.onDone });
  };
  return (
    <form
      className="fr-mt-2w"
      aria-label={props.renewalOf ? 'Renouvellement du contrat' : 'Nouveau contrat'}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <SelectField
        name={id('kind')}
        label="Type de contrat"
        value={f.kind}
        onChange={set('kind')}
        options={labelsOf(CONTRACT_KINDS).slice(1)}
        error={err('kind')}
      />
      <TextField
        name={id('start')}
        type="date"
        label="Début"
        value={f.startOn}
        onChange={set('startOn')}
        error={err('startOn')}
        required
      />
      <SelectField
        name={id('duration')}
        label="Durée"
        value={f.durationMonths}
        onChange={set('durationMonths')}
        options={CONTRACT_DURATIONS.map((d) => ({ value: String(d), label: `${d} mois` }))}
        error={err('durationMonths')}
      />
      <TextField
        name={id('hours')}
        type="number"
        label="Heures d’activité par semaine"
        hint={`${props.minHours} heures au moins, sauf motif (santé, parent isolé sans solution de garde…)`}
        value={f.weeklyHours}
        onChange={set('weeklyHours')}
        error={err('weeklyHours')}
      />
      {lowered ? (
        <>
          <SelectField
            name={id('reason')}
            label="Motif de la durée réduite"
            value={f.hoursReason}
            onChange={set('hoursReason')}
            options={labelsOf(HOURS_REASONS)}
            error={err('hoursReason')}
            required
          />
          <TextField
            name={id('reasonText')}
            label="Précision du motif"
            value={f.hoursReasonText}
            onChange={set('hoursReasonText')}
            error={err('hoursReasonText')}
          />
        </>
      ) : null}
      <TextField
        name={id('signed')}
        type="date"
        label="Signé le (facultatif)"
        value={f.signedOn}
        onChange={set('signedOn')}
        error={err('signedOn')}
      />
      <fieldset className="fr-fieldset" aria-label="Plan d’action">
        <legend className="fr-fieldset__legend fr-text--regular">Plan d’action (référentiel)</legend>
        {(actions.data?.items ?? []).map((a) => (
          <CheckboxField
            key={a.id}
            name={id(`action-${a.id}`)}
            label={`${a.theme} – ${a.objective} : ${a.label}`}
            checked={chosen.includes(a.id)}
            onChange={(on) => setChosen(on ? [...chosen, a.id] : chosen.filter((x) => x !== a.id))}
          />
        ))}
      </fieldset>
      <Button type="submit" disabled={create.isPending} className="fr-mr-2w">
        Enregistrer le contrat
      </Button>
      <Button type="button" priority="tertiary" onClick={props.onDone}>
        Annuler
      </Button>
      <ErrorAlert error={create.error} title="Contrat non enregistré" titleAs="h4" />
    </form>
  );
}

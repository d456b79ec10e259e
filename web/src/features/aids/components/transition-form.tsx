import { Button } from '@codegouvfr/react-dsfr/Button';
import { AID_FORMS, AID_STATE_LABELS, isDecision, type AidApplicationDto, type AidState } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { parseEuros, useTransition } from '../api/aids';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Moves the application (the statuses the server offers this user); a decision carries its amount, form and reason. */
export function TransitionForm({ dto }: { dto: AidApplicationDto }) {
  const move = useTransition(dto.id);
  const [to, setTo] = useState<AidState>(dto.can.transitions[0] as AidState);
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const [form, setForm] = useState<string>(dto.form);
  const [months, setMonths] = useState('');
  const [derogation, setDerogation] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  if (dto.can.transitions.length === 0) return null;
  const deciding = isDecision(to) && (to === 'accord' || to === 'accord_partiel');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const amountCents = amount ? parseEuros(amount) : undefined;
    if (amountCents === null) return setLocal('Montant invalide : saisissez un montant en euros');
    setLocal(undefined);
    move.mutate(
      {
        to,
        reason: reason || null,
        ...(deciding && amountCents ? { amountCents } : {}),
        ...(deciding && dto.scheme === 'fsl' ? { form: form as AidApplicationDto['form'] } : {}),
        ...(deciding && form === 'pret' && months ? { loanMonths: Number(months) } : {}),
        ...(deciding && dto.scheme === 'fsl' && derogation ? { derogationReason: derogation } : {}),
      },
      { onSuccess: () => setReason('') },
    );
  };
  return (
    <form onSubmit={submit} aria-label="Changer le statut de la demande" className="fr-mb-4w">
      <h2 className="fr-h5">Changer le statut</h2>
      <SelectField
        name="to"
        label="Nouveau statut"
        value={to}
        onChange={(v) => setTo(v as AidState)}
        options={dto.can.transitions.map((s) => ({ value: s, label: AID_STATE_LABELS[s] }))}
      />
      {deciding ? (
        <>
          <TextField
            name="amountCents"
            label="Montant accordé (€)"
            value={amount}
            onChange={setAmount}
            inputMode="numeric"
            hint="Par défaut : le montant demandé"
            error={local}
          />
          {dto.scheme === 'fsl' ? (
            <SelectField
              name="form"
              label="Forme accordée"
              value={form}
              onChange={setForm}
              options={options(AID_FORMS.labels)}
            />
          ) : null}
          {form === 'pret' ? (
            <TextField
              name="loanMonths"
              label="Durée du prêt (mois, 36 au plus)"
              value={months}
              onChange={setMonths}
              inputMode="numeric"
              required
            />
          ) : null}
          {dto.scheme === 'fsl' ? (
            <TextField
              name="derogationReason"
              label="Motif de la dérogation (facultatif)"
              value={derogation}
              onChange={setDerogation}
              textArea
              maxLength={1000}
              hint="Seulement pour accorder au-delà de la limite d’attributions sur 12 mois fixée pour cette aide"
            />
          ) : null}
        </>
      ) : null}
      <TextField
        name="reason"
        label="Motif"
        value={reason}
        onChange={setReason}
        textArea
        maxLength={1000}
        hint="Obligatoire pour un refus, un ajournement, un accord partiel ou un classement"
      />
      {move.error ? <ErrorAlert error={move.error} title="Changement refusé" titleAs="h3" /> : null}
      <Button type="submit" disabled={move.isPending}>
        Valider
      </Button>
    </form>
  );
}

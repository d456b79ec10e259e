import { Button } from '@codegouvfr/react-dsfr/Button';
import {
  AID_FORMS,
  FSL_FAMILIES,
  PARIS_AIDS,
  PAYEES,
  PROCEDURE_STAGES,
  URGENCY_REASONS,
  type AidApplicationCreateInput,
} from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { serverFieldErrors } from '../../../lib/form';
import { parseEuros, useAidApplications, useCreateAidApplication } from '../api/aids';
import { euros } from './money';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const NONE = { value: '', label: 'Aucune' };

/** The applications of the file, and a new one (a draft with a snapshot of the budget). */
export function AidApplicationsSection({ fileId, canCreate }: { fileId: string; canCreate: boolean }) {
  const list = useAidApplications(fileId);
  return (
    <section aria-labelledby="aides-titre" className="fr-mt-4w">
      <h3 id="aides-titre" className="fr-h5">
        Demandes d’aide financière
      </h3>
      {list.error ? <ErrorAlert error={list.error} title="Demandes indisponibles" titleAs="h4" /> : null}
      <DataTable
        caption="Demandes d’aide du dossier"
        hideCaption
        empty="Aucune demande d’aide."
        headers={['Aide', 'Montant demandé', 'Statut', 'Créée le']}
        rows={(list.data ?? []).map((a) => ({
          key: a.id,
          cells: [
            <Link key="l" to={paths.aidApplication.href(a.id)}>
              {a.aidLabel}
            </Link>,
            euros(a.requestedCents),
            a.statusLabel,
            formatDateTime(a.createdAt),
          ],
        }))}
      />
      {canCreate ? <NewApplicationForm fileId={fileId} /> : null}
    </section>
  );
}

function NewApplicationForm({ fileId }: { fileId: string }) {
  const create = useCreateAidApplication(fileId);
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [scheme, setScheme] = useState<'fsl' | 'paris'>('fsl');
  const [aidType, setAidType] = useState('maintien');
  const [form, setForm] = useState('subvention');
  const [amount, setAmount] = useState('');
  const [urgency, setUrgency] = useState('');
  const [stage, setStage] = useState('aucune');
  const [payee, setPayee] = useState('bailleur');
  const [creditorName, setCreditorName] = useState('');
  const [contractRef, setContractRef] = useState('');
  const [months, setMonths] = useState('');
  const [amountError, setAmountError] = useState<string | undefined>();
  const errors = serverFieldErrors(create.error);
  if (!open)
    return (
      <Button size="small" priority="secondary" onClick={() => setOpen(true)}>
        Nouvelle demande d’aide
      </Button>
    );
  const pickScheme = (s: string) => {
    setScheme(s as 'fsl' | 'paris');
    setAidType(s === 'fsl' ? 'maintien' : 'allocation_exceptionnelle');
    setForm('subvention');
    setPayee(s === 'fsl' ? 'bailleur' : 'personne');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const requestedCents = parseEuros(amount);
    if (!requestedCents) return setAmountError('Montant invalide : saisissez un montant en euros, par exemple 450,00');
    setAmountError(undefined);
    const body: AidApplicationCreateInput = {
      scheme,
      aidType,
      form: form as AidApplicationCreateInput['form'],
      requestedCents,
      urgency: (urgency || null) as AidApplicationCreateInput['urgency'],
      procedureStage: (aidType === 'maintien' ? stage : null) as AidApplicationCreateInput['procedureStage'],
      payee: payee as AidApplicationCreateInput['payee'],
      creditorName: creditorName || null,
      contractRef: contractRef || null,
      facts: months ? { parisResidenceMonths: Number(months) } : {},
    };
    create.mutate(body, { onSuccess: (dto) => navigate(paths.aidApplication.href(dto.id)) });
  };
  return (
    <form onSubmit={submit} aria-label="Nouvelle demande d’aide" className="fr-mt-2w">
      <SelectField
        name="scheme"
        label="Dispositif"
        value={scheme}
        onChange={pickScheme}
        options={[
          { value: 'fsl', label: 'FSL (Paris Solidarité Habitat)' },
          { value: 'paris', label: 'Aide facultative de Paris' },
        ]}
      />
      <SelectField
        name="aidType"
        label="Aide demandée"
        value={aidType}
        onChange={setAidType}
        options={options(scheme === 'fsl' ? FSL_FAMILIES.labels : PARIS_AIDS.labels)}
        error={errors.aidType}
      />
      {scheme === 'fsl' ? (
        <SelectField
          name="form"
          label="Forme de l’aide"
          value={form}
          onChange={setForm}
          options={options(AID_FORMS.labels)}
          error={errors.form}
        />
      ) : null}
      <TextField
        name="requestedCents"
        label="Montant demandé (€)"
        value={amount}
        onChange={setAmount}
        inputMode="numeric"
        required
        error={amountError ?? errors.requestedCents}
      />
      {scheme === 'fsl' && aidType === 'maintien' ? (
        <SelectField
          name="procedureStage"
          label="Stade de la procédure d’expulsion"
          value={stage}
          onChange={setStage}
          options={options(PROCEDURE_STAGES.labels)}
          error={errors.procedureStage}
        />
      ) : null}
      {scheme === 'fsl' ? (
        <SelectField
          name="urgency"
          label="Procédure d’urgence"
          value={urgency}
          onChange={setUrgency}
          options={[NONE, ...options(URGENCY_REASONS.labels)]}
          hint="Obligatoire par la loi pour une signature de bail, une coupure imminente ou une assignation"
        />
      ) : null}
      <SelectField name="payee" label="Paiement à" value={payee} onChange={setPayee} options={options(PAYEES.labels)} />
      {payee !== 'personne' ? (
        <>
          <TextField
            name="creditorName"
            label="Créancier (bailleur, fournisseur)"
            value={creditorName}
            onChange={setCreditorName}
            required
            maxLength={120}
            error={errors.creditorName}
          />
          <TextField
            name="contractRef"
            label="Référence du contrat (facultatif)"
            value={contractRef}
            onChange={setContractRef}
            maxLength={60}
          />
        </>
      ) : null}
      {scheme === 'paris' ? (
        <TextField
          name="parisResidenceMonths"
          label="Mois de résidence à Paris sur les 5 dernières années"
          value={months}
          onChange={setMonths}
          inputMode="numeric"
          error={errors['facts.parisResidenceMonths']}
        />
      ) : null}
      {create.error ? <ErrorAlert error={create.error} title="Demande non créée" titleAs="h4" /> : null}
      <Button type="submit" disabled={create.isPending}>
        Créer la demande
      </Button>
    </form>
  );
}

import { Button } from '@codegouvfr/react-dsfr/Button';
import { CHARGE_TYPES, DEBT_TYPES, RESOURCE_TYPES, type BudgetDto, type BudgetSummary } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { centsToInput, parseEuros, useBudget, useSaveBudget } from '../api/aids';
import { AidApplicationsSection } from './aid-applications-section';
import { BudgetLines, type Line } from './budget-lines';
import { euros } from './money';

const toLines = (dto: BudgetDto) => ({
  resources: dto.resources.map((r) => ({
    type: r.type,
    amount: centsToInput(r.monthlyCents),
    personId: r.personId ?? '',
    extra: '',
  })),
  charges: dto.charges.map((c) => ({ type: c.type, amount: centsToInput(c.monthlyCents), personId: '', extra: '' })),
  debts: dto.debts.map((d) => ({
    type: d.type,
    amount: centsToInput(d.amountCents),
    personId: centsToInput(d.monthlyRepaymentCents),
    extra: d.creditor,
  })),
});

function Summaries({ dto }: { dto: BudgetDto }) {
  const row = (label: string, s: BudgetSummary) => ({
    key: s.view,
    cells: [
      label,
      euros(s.resourcesCents),
      euros(s.chargesCents + s.debtRepaymentsCents),
      euros(s.resteAVivreCents),
      euros(s.resteAVivreParUcCents),
      euros(s.resteAVivreParJourCents),
    ],
  });
  const uc = (dto.summaries.complet.ucTenths / 10).toLocaleString('fr-FR');
  return (
    <>
      <DataTable
        caption="Reste à vivre mensuel"
        headers={['Vue', 'Ressources', 'Charges', 'Reste à vivre', 'Par UC', 'Par jour']}
        rows={[row('Toutes', dto.summaries.complet), row('FSL', dto.summaries.fsl), row('Paris', dto.summaries.paris)]}
      />
      <p className="fr-text--sm">
        Foyer de {dto.persons.length} personne(s), {uc} unité(s) de consommation (échelle de l’OCDE modifiée). Les
        charges comprennent les remboursements de dettes. Le FSL ne compte pas l’aide au logement, l’ARS ni l’AEEH ; les
        aides de Paris ne comptent pas non plus les prestations familiales ni les bourses.
      </p>
    </>
  );
}

/** The "Budget et aides" tab: the household budget (a section of the file) and the file's aid applications. */
export function BudgetTab({ fileId }: { fileId: string }) {
  const budget = useBudget(fileId);
  if (budget.isPending) return <Loading label="Chargement du budget…" />;
  if (budget.error) return <ErrorAlert error={budget.error} title="Budget indisponible" titleAs="h3" />;
  return (
    <>
      <h3 className="fr-h5">Budget du foyer</h3>
      <Summaries dto={budget.data} />
      {budget.data.can.write ? <BudgetForm fileId={fileId} dto={budget.data} /> : null}
      <AidApplicationsSection fileId={fileId} canCreate={budget.data.can.write} />
    </>
  );
}

function BudgetForm({ fileId, dto }: { fileId: string; dto: BudgetDto }) {
  const save = useSaveBudget(fileId);
  const initial = toLines(dto);
  const [resources, setResources] = useState<Line[]>(initial.resources);
  const [charges, setCharges] = useState<Line[]>(initial.charges);
  const [debts, setDebts] = useState<Line[]>(initial.debts);
  const [error, setError] = useState<string | null>(null);
  const persons = [{ value: '', label: 'Foyer' }, ...dto.persons.map((p) => ({ value: p.personId, label: p.name }))];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = (l: Line[], field: 'amount' | 'personId') => l.map((x) => parseEuros(x[field] || '0'));
    const all = [
      ...cents(resources, 'amount'),
      ...cents(charges, 'amount'),
      ...cents(debts, 'amount'),
      ...cents(debts, 'personId'),
    ];
    if (all.some((c) => c === null))
      return setError('Montant invalide : saisissez un montant en euros, par exemple 1234,56');
    setError(null);
    save.mutate({
      version: dto.version,
      resources: resources.map((r) => ({
        type: r.type as BudgetDto['resources'][number]['type'],
        monthlyCents: parseEuros(r.amount) ?? 0,
        personId: r.personId || null,
      })),
      charges: charges.map((c) => ({
        type: c.type as BudgetDto['charges'][number]['type'],
        monthlyCents: parseEuros(c.amount) ?? 0,
      })),
      debts: debts.map((d) => ({
        type: d.type as BudgetDto['debts'][number]['type'],
        creditor: d.extra,
        amountCents: parseEuros(d.amount) ?? 0,
        monthlyRepaymentCents: parseEuros(d.personId || '0') ?? 0,
      })),
    });
  };
  return (
    <form onSubmit={submit} aria-label="Budget du foyer" className="fr-mb-4w">
      <BudgetLines
        legend="Ressources mensuelles"
        kind="resource"
        types={RESOURCE_TYPES.labels}
        lines={resources}
        onChange={setResources}
        persons={persons}
      />
      <BudgetLines
        legend="Charges mensuelles"
        kind="charge"
        types={CHARGE_TYPES.labels}
        lines={charges}
        onChange={setCharges}
      />
      <BudgetLines legend="Dettes" kind="debt" types={DEBT_TYPES.labels} lines={debts} onChange={setDebts} />
      {error ? (
        <p className="fr-error-text" role="alert">
          {error}
        </p>
      ) : null}
      {save.error ? <ErrorAlert error={save.error} title="Budget non enregistré" titleAs="h4" /> : null}
      {save.isSuccess ? (
        <p className="fr-text--sm" role="status">
          Budget enregistré.
        </p>
      ) : null}
      <Button type="submit" disabled={save.isPending}>
        Enregistrer le budget
      </Button>
    </form>
  );
}

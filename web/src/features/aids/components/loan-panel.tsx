import { Button } from '@codegouvfr/react-dsfr/Button';
import type { AidApplicationDto } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/text-field';
import { formatDate, today } from '../../../lib/format';
import { parseEuros, useRepayment } from '../api/aids';
import { euros } from './money';

const STATE = { payee: 'Payée', partielle: 'Partiellement payée', a_venir: 'À venir', en_retard: 'En retard' } as const;

/** The loan's échéancier, its repayments and late instalments. */
export function LoanPanel({ dto }: { dto: AidApplicationDto }) {
  const repay = useRepayment(dto.id);
  const [paidOn, setPaidOn] = useState(today());
  const [amount, setAmount] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const loan = dto.loan;
  if (!loan) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const amountCents = parseEuros(amount);
    if (!amountCents) return setLocal('Montant invalide : saisissez un montant en euros');
    setLocal(undefined);
    repay.mutate({ paidOn, amountCents }, { onSuccess: () => setAmount('') });
  };
  return (
    <section aria-labelledby="echeancier-titre" className="fr-mb-4w">
      <h2 id="echeancier-titre" className="fr-h5">
        Échéancier du prêt
      </h2>
      <p>
        Remboursé : {euros(loan.repaidCents)} sur {euros(loan.totalCents)} ; reste dû : {euros(loan.outstandingCents)}
        {loan.lateCount ? ` ; ${loan.lateCount} échéance(s) en retard (${euros(loan.lateCents)})` : ''}.
      </p>
      <DataTable
        caption="Échéances"
        headers={['N°', 'Échéance', 'Montant', 'Payé', 'État']}
        rows={loan.instalments.map((i) => ({
          key: String(i.n),
          cells: [String(i.n), formatDate(i.dueDate), euros(i.amountCents), euros(i.paidCents), STATE[i.state]],
        }))}
      />
      {dto.can.repay ? (
        <form onSubmit={submit} aria-label="Enregistrer un remboursement">
          <TextField name="paidOn" label="Payé le" type="date" value={paidOn} onChange={setPaidOn} required />
          <TextField
            name="amountCents"
            label="Montant remboursé (€)"
            value={amount}
            onChange={setAmount}
            inputMode="numeric"
            required
            error={local}
          />
          {repay.error ? <ErrorAlert error={repay.error} title="Remboursement refusé" titleAs="h3" /> : null}
          <Button type="submit" disabled={repay.isPending}>
            Enregistrer le remboursement
          </Button>
        </form>
      ) : null}
    </section>
  );
}

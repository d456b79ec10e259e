import { Button } from '@codegouvfr/react-dsfr/Button';
import { ACTION_STATUSES, addDays, type ContractDto, type RsaPersonDto } from '@jalon/core';
import { useState } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/text-field';
import { formatDate, today } from '../../../lib/format';
import { useUploadDocument } from '../../documents/api/documents';
import { contractPdfHref, useSavePlan, useSignContract } from '../api/rsa';
import { ContractForm } from './contract-form';

/** Signing: the date, and the signed copy (stored as a document of the file). */
function SignForm({ fileId, contract }: { fileId: string; contract: ContractDto }) {
  const sign = useSignContract(fileId);
  const upload = useUploadDocument();
  const [signedOn, setSignedOn] = useState(today());
  const [file, setFile] = useState<File | null>(null);
  const inputId = `rsa-sign-${contract.id}`;
  return (
    <form
      aria-label="Signature du contrat"
      onSubmit={(e) => {
        e.preventDefault();
        const done = (documentId: string | null) => sign.mutate({ contractId: contract.id, signedOn, documentId });
        if (file) upload.mutate({ fileId, file, type: 'courrier' }, { onSuccess: (r) => done(r.id) });
        else done(null);
      }}
    >
      <TextField
        name={`${inputId}-date`}
        type="date"
        label="Signé le"
        value={signedOn}
        onChange={setSignedOn}
        required
      />
      <div className="fr-upload-group fr-mb-2w">
        <label className="fr-label" htmlFor={`${inputId}-file`}>
          Exemplaire signé (PDF ou image, facultatif)
        </label>
        <input
          id={`${inputId}-file`}
          className="fr-upload"
          type="file"
          accept=".pdf,.jpg,.jpeg,.png"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <Button type="submit" size="small" disabled={sign.isPending || upload.isPending}>
        Enregistrer la signature
      </Button>
      <ErrorAlert error={sign.error ?? upload.error} title="Signature non enregistrée" titleAs="h4" />
    </form>
  );
}

/** The plan d'action with a status per action (prévue, en cours, réalisée, abandonnée). */
function PlanTable({ fileId, contract, canWrite }: { fileId: string; contract: ContractDto; canWrite: boolean }) {
  const save = useSavePlan(fileId);
  const setStatus = (actionId: string, status: string) =>
    save.mutate({
      contractId: contract.id,
      actions: contract.actions.map((a) => ({
        actionId: a.actionId,
        status: a.actionId === actionId ? status : a.status.code,
      })),
    });
  return (
    <>
      <DataTable
        caption="Plan d’action"
        scrollLabel="Plan d’action"
        empty="Aucune action au plan."
        headers={['Thème', 'Objectif', 'Action', 'Statut']}
        rows={contract.actions.map((a) => ({
          key: a.id,
          cells: [
            a.theme,
            a.objective,
            a.label,
            canWrite ? (
              <select
                key="s"
                className="fr-select"
                aria-label={`Statut de l’action ${a.label}`}
                value={a.status.code}
                onChange={(e) => setStatus(a.actionId, e.target.value)}
              >
                {Object.entries(ACTION_STATUSES).map(([v, l]) => (
                  <option key={v} value={v}>
                    {l}
                  </option>
                ))}
              </select>
            ) : (
              a.status.label
            ),
          ],
        }))}
      />
      <ErrorAlert error={save.error} title="Plan non enregistré" titleAs="h4" />
    </>
  );
}

/** The person's contracts (the contrat d'engagement, legacy CER / PPAE / CEJ / PACEA as history). */
export function ContractsPanel(props: { fileId: string; person: RsaPersonDto; canWrite: boolean; minHours: number }) {
  const { fileId, person, canWrite } = props;
  const [form, setForm] = useState<null | { renewalOf: { id: string; startOn: string } | null }>(null);
  return (
    <section aria-labelledby={`rsa-${person.personId}-contrats`} className="fr-mb-3w">
      <h5 id={`rsa-${person.personId}-contrats`} className="fr-h6">
        Contrats
      </h5>
      {person.contracts.length === 0 ? <p className="fr-text--sm">Aucun contrat.</p> : null}
      {person.contracts.map((c) => (
        <article
          key={c.id}
          className="fr-card fr-p-2w fr-mb-2w"
          aria-label={`${c.kind.label} du ${formatDate(c.startOn)}`}
        >
          <p className="fr-text--bold fr-mb-1w">
            {c.kind.label} du {formatDate(c.startOn)} au {formatDate(c.endOn)} ({c.durationMonths} mois){' '}
            {c.inForce ? <span className="fr-badge fr-badge--success fr-badge--sm">En cours</span> : null}
            {c.renewed ? <span className="fr-badge fr-badge--info fr-badge--sm fr-ml-1w">Renouvelé</span> : null}
          </p>
          <p className="fr-text--sm fr-mb-1w">
            Heures par semaine : {c.weeklyHours ?? '—'}
            {c.hoursReason
              ? ` (durée adaptée : ${c.hoursReason.label}${c.hoursReasonText ? `, ${c.hoursReasonText}` : ''})`
              : ''}
            {' · '}
            {c.signedOn ? `Signé le ${formatDate(c.signedOn)}` : 'Non signé'}
            {c.signedDocumentId ? ' (exemplaire signé dans les documents)' : ''}
          </p>
          <PlanTable fileId={fileId} contract={c} canWrite={canWrite} />
          <p>
            <a className="fr-link fr-link--download" href={contractPdfHref(fileId, c.id)} download>
              Imprimer le contrat (PDF)
            </a>
          </p>
          {canWrite && !c.signedOn ? <SignForm fileId={fileId} contract={c} /> : null}
          {canWrite && c.signedOn && !c.renewed ? (
            <Button
              priority="secondary"
              size="small"
              onClick={() => setForm({ renewalOf: { id: c.id, startOn: addDays(c.endOn, 1) } })}
            >
              Renouveler
            </Button>
          ) : null}
        </article>
      ))}
      {canWrite && !form ? (
        <Button priority="secondary" size="small" onClick={() => setForm({ renewalOf: null })}>
          Nouveau contrat
        </Button>
      ) : null}
      {form ? (
        <ContractForm
          fileId={fileId}
          memberId={person.memberId}
          personId={person.personId}
          minHours={props.minHours}
          renewalOf={form.renewalOf}
          onDone={() => setForm(null)}
        />
      ) : null}
    </section>
  );
}

import {
  AID_FORMS,
  AID_STATE_LABELS,
  PAYEES,
  PROCEDURE_STAGES,
  URGENCY_REASONS,
  type AidApplicationDto,
} from '@jalon/core';
import { DataTable } from '../../../components/ui/data-table';
import { DescriptionList } from '../../../components/ui/description-list';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { formatDateTime } from '../../../lib/format';
import { useAidApplication } from '../api/aids';
import { EligibilityPanel } from './eligibility-panel';
import { FactsForm } from './facts-form';
import { LoanPanel } from './loan-panel';
import { euros } from './money';
import { TransitionForm } from './transition-form';

function Details({ dto }: { dto: AidApplicationDto }) {
  const items: [string, string][] = [
    ['Statut', dto.statusLabel],
    ['Montant demandé', euros(dto.requestedCents)],
    ['Forme', AID_FORMS.labels[dto.form]],
    ['Paiement à', `${PAYEES.labels[dto.payee]}${dto.creditorName ? ` : ${dto.creditorName}` : ''}`],
    ['Référence du contrat', dto.contractRef ?? '—'],
    ['Procédure d’urgence', dto.urgency ? URGENCY_REASONS.labels[dto.urgency] : 'Non'],
    ...(dto.procedureStage
      ? [['Stade de la procédure', PROCEDURE_STAGES.labels[dto.procedureStage]] as [string, string]]
      : []),
    ...(dto.budgetSnapshot
      ? [
          ['Reste à vivre (FSL) au dépôt', `${euros(dto.budgetSnapshot.fsl.resteAVivreCents)} par mois`] as [
            string,
            string,
          ],
        ]
      : []),
  ];
  return <DescriptionList items={items} />;
}

function Decision({ dto }: { dto: AidApplicationDto }) {
  const d = dto.decision;
  if (!d) return null;
  return (
    <section aria-labelledby="decision-titre" className="fr-mb-4w">
      <h2 id="decision-titre" className="fr-h5">
        Décision
      </h2>
      <p>
        {d.outcome === 'accord'
          ? 'Accord'
          : d.outcome === 'accord_partiel'
            ? 'Accord partiel'
            : d.outcome === 'refus'
              ? 'Refus'
              : 'Ajournement'}
        {d.amountCents ? ` : ${euros(d.amountCents)}` : ''}
        {d.form ? ` (${AID_FORMS.labels[d.form]}${d.loanMonths ? ` sur ${d.loanMonths} mois` : ''})` : ''}, le{' '}
        {formatDateTime(d.decidedAt)} par {d.decidedBy}.
      </p>
      {d.reason ? <p>Motif : {d.reason}</p> : null}
      {d.derogationReason ? <p>Dérogation à la limite sur 12 mois : {d.derogationReason}</p> : null}
    </section>
  );
}

/** While the application waits for its dépôt: the pièces of its checklist missing from the file's documents. */
function MissingPieces({ dto }: { dto: AidApplicationDto }) {
  const missing = dto.missingPieces;
  if (missing === null) return null;
  return (
    <section aria-labelledby="pieces-titre" className="fr-mb-4w">
      <h2 id="pieces-titre" className="fr-h5">
        Pièces justificatives
      </h2>
      {missing.length === 0 ? (
        <p>Toutes les pièces justificatives demandées sont au dossier : la demande peut être déposée complète.</p>
      ) : (
        <>
          <p>
            Pièces manquantes (à ajouter dans l’onglet Documents du dossier ; la demande ne peut être déposée complète
            avant) :
          </p>
          <ul>
            {missing.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The application page: details, pre-check, decision, échéancier, history, and the moves the user may make. */
export function ApplicationPage({ id }: { id: string }) {
  const q = useAidApplication(id);
  if (q.isPending) return <Loading label="Chargement de la demande…" />;
  if (q.error) return <ErrorAlert error={q.error} title="Demande indisponible" />;
  const dto = q.data;
  return (
    <>
      <h1 className="fr-h3">
        {dto.aidLabel} — dossier {dto.fileNumber}
      </h1>
      <Details dto={dto} />
      <Decision dto={dto} />
      <MissingPieces dto={dto} />
      <EligibilityPanel id={dto.id} status={dto.status} />
      {dto.can.editFacts ? <FactsForm dto={dto} /> : null}
      <TransitionForm key={dto.status} dto={dto} />
      <LoanPanel dto={dto} />
      <DataTable
        caption="Historique de la demande"
        headers={['Date', 'Statut', 'Par', 'Motif']}
        rows={dto.history.map((h, i) => ({
          key: String(i),
          cells: [
            formatDateTime(h.at),
            AID_STATE_LABELS[h.to as keyof typeof AID_STATE_LABELS] ?? h.to,
            h.actorName,
            h.reason ?? '—',
          ],
        }))}
      />
    </>
  );
}

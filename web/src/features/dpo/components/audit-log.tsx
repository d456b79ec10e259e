import { Button } from '@codegouvfr/react-dsfr/Button';
import { ACCESS_PARTS, AUDIT_ACTION_LABELS, ROLE_LABELS, accessPartLabel, type Role } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { TextField } from '../../../components/ui/text-field';
import { dash, formatDateTime } from '../../../lib/format';
import { serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { SelectField } from '../../../components/ui/select-field';
import { useAccounts } from '../api/get-accounts';
import { useAuditEvents, type AuditSearch, type LogKind } from '../api/get-audit-events';

const PURPOSE_MIN = 10;

/**
 * The security log, opened only with a stated purpose (itself logged). It serves the protection of
 * usagers, never the appraisal of workers.
 */
export function AuditLog() {
  const [purpose, setPurpose] = useState('');
  const [action, setAction] = useState('');
  const [log, setLog] = useState<LogKind>('actions');
  const [userId, setUserId] = useState('');
  const [part, setPart] = useState('');
  const [fileNumber, setFileNumber] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const accounts = useAccounts();
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [search, setSearch] = useState<AuditSearch | null>(null);
  const events = useAuditEvents(search);
  const errors = { ...serverFieldErrors(events.error), ...clientErrors };

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (purpose.trim().length < PURPOSE_MIN) {
      setClientErrors({ purpose: `Le motif doit compter au moins ${PURPOSE_MIN} caractères` });
      return;
    }
    setClientErrors({});
    setSearch({
      purpose: purpose.trim(),
      log,
      action: action || undefined,
      part: part || undefined,
      userId: userId || undefined,
      fileNumber: fileNumber.trim() || undefined,
      from: from || undefined,
      to: to || undefined,
    });
  };

  const items = events.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <form onSubmit={handleSubmit} noValidate aria-labelledby="motif-titre" className="fr-mb-4w">
        <h2 id="motif-titre" className="fr-h4">
          Motif de la consultation
        </h2>
        <TextField
          name="purpose"
          label="Motif de la consultation"
          textArea
          hint={`Obligatoire, ${PURPOSE_MIN} caractères au moins ; il est enregistré avec votre consultation.`}
          value={purpose}
          onChange={setPurpose}
          error={errors.purpose}
          required
          autoFocus
          maxLength={300}
        />
        <SelectField
          name="log"
          label="Journal"
          value={log}
          onChange={(v) => setLog(v as LogKind)}
          options={[
            { value: 'actions', label: 'Actions (créations, modifications, connexions)' },
            { value: 'consultations', label: 'Consultations de dossiers' },
          ]}
        />
        <SelectField
          name="userId"
          label="Agent (facultatif)"
          value={userId}
          onChange={setUserId}
          error={errors.userId}
          options={[
            { value: '', label: 'Tous les agents' },
            ...(accounts.data?.items ?? []).map((a) => ({
              value: a.id,
              label: `${a.displayName} — ${ROLE_LABELS[a.role as Role] ?? a.role}${a.siteName ? `, ${a.siteName}` : ''}`,
            })),
          ]}
        />
        <TextField
          name="fileNumber"
          label="Numéro de dossier (facultatif)"
          value={fileNumber}
          onChange={setFileNumber}
          error={errors.fileNumber}
          maxLength={40}
        />
        <div className="fr-grid-row fr-grid-row--gutters">
          <TextField
            className="fr-col-12 fr-col-md-6"
            name="from"
            label="Du (facultatif)"
            type="date"
            value={from}
            onChange={setFrom}
            error={errors.from}
          />
          <TextField
            className="fr-col-12 fr-col-md-6"
            name="to"
            label="Au (facultatif)"
            type="date"
            value={to}
            onChange={setTo}
            error={errors.to}
          />
        </div>
        {log === 'actions' ? (
          <SelectField
            name="action"
            label="Action (facultatif)"
            value={action}
            onChange={setAction}
            error={errors.action}
            options={[
              { value: '', label: 'Toutes les actions' },
              ...Object.entries(AUDIT_ACTION_LABELS)
                .map(([value, label]) => ({ value, label }))
                .sort((x, y) => x.label.localeCompare(y.label, 'fr')),
            ]}
          />
        ) : (
          <SelectField
            name="part"
            label="Partie consultée (facultatif)"
            value={part}
            onChange={setPart}
            error={errors.part}
            options={[
              { value: '', label: 'Toutes les parties' },
              ...ACCESS_PARTS.map((p) => ({ value: p, label: accessPartLabel(p) })),
            ]}
          />
        )}
        <Button type="submit" iconId="fr-icon-search-line" disabled={events.isFetching}>
          Consulter le journal
        </Button>
      </form>
      <ErrorAlert error={events.error} title="Journal indisponible" titleAs="h2" />
      {search && events.isPending ? <Loading /> : null}
      {search && events.data ? (
        <section aria-labelledby="evenements-titre">
          <h2 id="evenements-titre" className="fr-h4">
            Événements
          </h2>
          <DataTable
            caption="Événements du journal de sécurité"
            hideCaption
            empty="Aucun événement."
            headers={[
              'Date',
              search.log === 'consultations' ? 'Partie consultée' : 'Action',
              'Agent',
              'Rôle',
              'Site',
              'Dossier',
            ]}
            rows={items.map((ev) => ({
              key: String(ev.id),
              cells: [
                formatDateTime(ev.at),
                ev.actionLabel ?? ev.partLabel ?? '—',
                dash(ev.actorName),
                dash(ev.actorRoleLabel),
                dash(ev.siteName),
                dash(ev.fileNumber),
              ],
            }))}
          />
          {events.hasNextPage ? (
            <Button
              priority="secondary"
              onClick={() => void events.fetchNextPage()}
              disabled={events.isFetchingNextPage}
            >
              Événements plus anciens
            </Button>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

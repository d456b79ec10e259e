import { RETENTION_HOLD_REASONS } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { useExtendRetention } from '../api/extend-retention';
import { useRetentionUpcoming } from '../api/get-retention-upcoming';

const REASONS = Object.entries(RETENTION_HOLD_REASONS.prolongation).map(([value, label]) => ({ value, label }));

/** Prolongs one file's active base with a reason (audited). */
function ProlongForm({ fileId, onDone }: { fileId: string; onDone: () => void }) {
  const extend = useExtendRetention();
  const [untilDate, setUntilDate] = useState('');
  const [reason, setReason] = useState('accompagnement_en_cours');
  const [note, setNote] = useState('');
  const fields = extend.error instanceof ApiError ? extend.error.fields : {};
  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    extend.mutate(
      { fileId, input: { kind: 'prolongation', untilDate, reason: reason as 'autre', note } },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={handleSubmit} noValidate className="fr-mt-2w">
      {extend.error ? <ErrorAlert error={extend.error} title="Prolongation non enregistrée" /> : null}
      <TextField
        name="untilDate"
        type="date"
        label="Garder le dossier actif jusqu’au"
        required
        value={untilDate}
        onChange={setUntilDate}
        error={fields.untilDate}
      />
      <SelectField
        name="reason"
        label="Motif"
        required
        value={reason}
        onChange={setReason}
        options={REASONS}
        error={fields.reason}
      />
      <TextField name="note" label="Précision du motif" required value={note} onChange={setNote} error={fields.note} />
      <button type="submit" className="fr-btn fr-btn--sm" disabled={extend.isPending}>
        Prolonger
      </button>
    </form>
  );
}

/** Home panel: my files reaching the end of their active base within 30 days (then archive or anonymisation). */
export function RetentionPanel() {
  const query = useRetentionUpcoming(true);
  const [open, setOpen] = useState<string | null>(null);
  if (query.error) return <ErrorAlert error={query.error} title="Échéances de conservation indisponibles" />;
  if (!query.data || query.data.items.length === 0) return null;
  // Deadlines already passed and deadlines to come are listed apart (docs/security.md, Retention).
  const passed = query.data.items.filter((f) => f.passed);
  const coming = query.data.items.filter((f) => !f.passed);
  const table = (items: typeof query.data.items, caption: string) => (
    <DataTable
      caption={caption}
      hideCaption
      headers={['Dossier', 'Dernier contact', 'Échéance', '']}
      rows={items.map((f) => ({
        key: f.id,
        cells: [
          <Link key="l" to={paths.usager.href(f.id)}>
            {f.displayName} ({f.fileNumber})
          </Link>,
          formatDate(f.lastContactAt),
          formatDate(f.deadline),
          open === f.id ? (
            <ProlongForm key="f" fileId={f.id} onDone={() => setOpen(null)} />
          ) : (
            <button key="b" type="button" className="fr-btn fr-btn--tertiary fr-btn--sm" onClick={() => setOpen(f.id)}>
              Prolonger…
            </button>
          ),
        ],
      }))}
    />
  );
  return (
    <section aria-labelledby="conservation" className="fr-mb-6w">
      <h2 id="conservation">Dossiers bientôt anonymisés</h2>
      <p className="fr-text--sm">
        Sans contact depuis près de 2 ans : à l’échéance, le dossier est anonymisé. Prolongez-le si l’accompagnement
        continue.
      </p>
      {passed.length ? (
        <>
          <h3 className="fr-h6">Échéance dépassée</h3>
          <p className="fr-text--sm">
            Ces dossiers quittent la base active (archive ou anonymisation) à la prochaine exécution quotidienne.
          </p>
          {table(passed, 'Dossiers dont l’échéance est dépassée')}
        </>
      ) : null}
      {coming.length ? (
        <>
          <h3 className="fr-h6">Échéance à venir</h3>
          {table(coming, 'Dossiers arrivant à échéance')}
        </>
      ) : null}
    </section>
  );
}

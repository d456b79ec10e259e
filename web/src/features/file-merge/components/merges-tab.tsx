import { Button } from '@codegouvfr/react-dsfr/Button';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import type { UsagerDto } from '@jalon/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/text-field';
import { formatDate } from '../../../lib/format';
import { getDuplicates } from '../../usagers/api/get-duplicates';
import { useFileMerges, useMergeFiles, useUndoMerge } from '../api/file-merges';

/**
 * Fusion de dossiers (docs/api.md), for the référents of the file: the likely duplicates on the site, each with a
 * "Fusionner" action behind a confirmation, and the merges of the file with "Annuler la fusion" while possible (30 days).
 */
export function MergesTab({ dto }: { dto: UsagerDto }) {
  const fileId = dto.data.id;
  const p = dto.data.person;
  const duplicates = useQuery({
    queryKey: ['usagers', 'file', fileId, 'duplicates'],
    queryFn: () => getDuplicates(p),
  });
  const candidates = (duplicates.data?.onSite ?? []).filter((f) => f.id !== fileId && f.status === 'actif');
  const mergeable = dto.data.status === 'actif';
  return (
    <>
      <h2 className="fr-h4">Doublons probables sur le site</h2>
      {duplicates.error ? <ErrorAlert error={duplicates.error} title="Doublons indisponibles" /> : null}
      {mergeable && candidates.length ? (
        <ul>
          {candidates.map((c) => (
            <li key={c.id} className="fr-mb-2w">
              {c.displayName} — né·e le {formatDate(c.birthDate)} — dossier n° {c.fileNumber}
              <MergeAction fileId={fileId} duplicate={c} />
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucun autre dossier actif de cette personne n’est proposé.</p>
      )}
      <MergeList fileId={fileId} />
    </>
  );
}

function MergeAction({ fileId, duplicate }: { fileId: string; duplicate: { id: string; fileNumber: string } }) {
  const merge = useMergeFiles(fileId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (merge.data) return <Notice title={merge.data.message} className="fr-mt-1w" />;
  if (!open)
    return (
      <Button size="small" priority="secondary" className="fr-ml-2w" onClick={() => setOpen(true)}>
        Fusionner
      </Button>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    merge.mutate({ duplicateId: duplicate.id, reason });
  };
  return (
    <form onSubmit={submit} className="fr-mt-1w">
      <p>
        Le journal, les documents et les membres du foyer du dossier n° {duplicate.fileNumber} seront rattachés à ce
        dossier, puis le dossier n° {duplicate.fileNumber} sera clos. La fusion peut être annulée pendant 30 jours.
      </p>
      <TextField
        name="reason"
        label="Motif de la fusion"
        value={reason}
        onChange={setReason}
        required
        maxLength={500}
      />
      {merge.error ? <ErrorAlert error={merge.error} title="Fusion impossible" /> : null}
      <div className="fr-btns-group fr-btns-group--inline-sm">
        <Button type="submit" disabled={merge.isPending || !reason.trim()}>
          {merge.isPending ? 'Fusion…' : 'Confirmer la fusion'}
        </Button>
        <Button type="button" priority="tertiary" onClick={() => setOpen(false)}>
          Annuler
        </Button>
      </div>
    </form>
  );
}

function MergeList({ fileId }: { fileId: string }) {
  const merges = useFileMerges(fileId);
  const undo = useUndoMerge();
  const rows = merges.data?.data ?? [];
  if (merges.error) return <ErrorAlert error={merges.error} title="Fusions indisponibles" />;
  if (!rows.length) return null;
  return (
    <>
      <h2 className="fr-h4 fr-mt-4w">Fusions de ce dossier</h2>
      <ul>
        {rows.map((m) => (
          <li key={m.id} className="fr-mb-1w">
            Dossier n° {m.absorbed.fileNumber} fusionné dans le n° {m.kept.fileNumber} le {formatDate(m.mergedAt)} par{' '}
            {m.mergedBy} — {m.reason}
            {m.undoneAt ? ` — annulée le ${formatDate(m.undoneAt)}` : null}
            {m.canUndo ? (
              <Button
                size="small"
                priority="tertiary"
                className="fr-ml-2w"
                disabled={undo.isPending}
                onClick={() => undo.mutate(m.id)}
              >
                Annuler la fusion (jusqu’au {formatDate(m.undoUntil)})
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {undo.error ? <ErrorAlert error={undo.error} title="Annulation impossible" /> : null}
    </>
  );
}

import { Button } from '@codegouvfr/react-dsfr/Button';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import type { RestrictionDto, UsagerDto } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/text-field';
import { formatDate, today } from '../../../lib/format';
import { useCreateRestriction, useLiftRestriction, useRestrictions } from '../api/file-rights';

const NOTICE: Record<RestrictionDto['kind'], string> = {
  limitation: 'Traitement limité (RGPD art. 18) : le dossier est en lecture seule jusqu’à la levée de la limitation',
  opposition: 'Opposition de la personne (RGPD art. 21) : ce dossier est exclu des statistiques',
};

/** The file with its write abilities turned off while a limitation is active (the UI honours the flag). */
export const readOnlyWhileLimited = (dto: UsagerDto, flags: RestrictionDto[] | undefined): UsagerDto =>
  flags?.some((r) => r.active && r.kind === 'limitation')
    ? {
        ...dto,
        can: { ...dto.can, updateIdentity: false, updateSituation: false, manageReferents: false, changeStatus: false },
      }
    : dto;

/** The person's limitation / opposition, as DSFR notices for everyone who sees the file; the référent records and lifts them. */
export function RestrictionsPanel({ usagerId, canManage }: { usagerId: string; canManage: boolean }) {
  const query = useRestrictions(usagerId);
  const lift = useLiftRestriction(usagerId);
  const active = query.data?.items.filter((r) => r.active) ?? [];
  return (
    <>
      {active.map((r) => (
        <div key={r.id} className="fr-mb-2w">
          <Notice title={`${NOTICE[r.kind]} — depuis le ${formatDate(r.startDate)}. Motif : ${r.reason}`} />
          {canManage ? (
            <Button
              size="small"
              priority="secondary"
              className="fr-mt-1w"
              disabled={lift.isPending}
              onClick={() => lift.mutate({ restrictionId: r.id, endDate: today() })}
            >
              {r.kind === 'limitation' ? 'Lever la limitation' : 'Lever l’opposition'}
            </Button>
          ) : null}
        </div>
      ))}
      {lift.error ? <ErrorAlert error={lift.error} title="Levée impossible" /> : null}
      {canManage ? (
        <RestrictionForm
          usagerId={usagerId}
          kinds={(['limitation', 'opposition'] as const).filter((k) => !active.some((r) => r.kind === k))}
        />
      ) : null}
    </>
  );
}

function RestrictionForm({ usagerId, kinds }: { usagerId: string; kinds: RestrictionDto['kind'][] }) {
  const create = useCreateRestriction(usagerId);
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<RestrictionDto['kind']>('limitation');
  const [reason, setReason] = useState('');
  if (!kinds.length) return null;
  if (!open) {
    return (
      <Button
        size="small"
        priority="tertiary"
        className="fr-mb-2w"
        onClick={() => {
          setKind(kinds[0] ?? 'limitation');
          setOpen(true);
        }}
      >
        Enregistrer une limitation ou une opposition
      </Button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { kind, startDate: today(), reason },
      {
        onSuccess: () => {
          setOpen(false);
          setReason('');
        },
      },
    );
  };
  const fields =
    create.error && 'fields' in create.error ? (create.error as { fields?: Record<string, string> }).fields : undefined;
  return (
    <form onSubmit={submit} className="fr-mb-3w">
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Demande de la personne</legend>
        {kinds.map((k) => (
          <div key={k} className="fr-fieldset__element">
            <div className="fr-radio-group">
              <input
                type="radio"
                id={`restriction-${k}`}
                name="kind"
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              <label className="fr-label" htmlFor={`restriction-${k}`}>
                {k === 'limitation'
                  ? 'Limitation du traitement (dossier en lecture seule)'
                  : 'Opposition (exclusion des statistiques)'}
              </label>
            </div>
          </div>
        ))}
      </fieldset>
      <TextField
        name="reason"
        label="Motif de la demande"
        value={reason}
        onChange={setReason}
        error={fields?.reason}
        required
        textArea
        maxLength={1000}
      />
      {create.error ? <ErrorAlert error={create.error} title="Enregistrement impossible" /> : null}
      <Button type="submit" disabled={create.isPending}>
        Enregistrer
      </Button>{' '}
      <Button type="button" priority="secondary" onClick={() => setOpen(false)}>
        Annuler
      </Button>
    </form>
  );
}

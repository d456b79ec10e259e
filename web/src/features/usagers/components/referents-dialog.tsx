import { Button } from '@codegouvfr/react-dsfr/Button';
import { createModal } from '@codegouvfr/react-dsfr/Modal';
import { useIsModalOpen } from '@codegouvfr/react-dsfr/Modal/useIsModalOpen';
import { SetReferentsInput, type UsagerDto } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { issuesToFields, serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { useSiteWorkers } from '../api/get-site-workers';
import { useSetReferents } from '../api/set-referents';

const referentsModal = createModal({ id: 'gerer-referents', isOpenedByDefault: false });

/** The button that opens the dialog (DSFR wires it to the modal through aria-controls). */
export function ManageReferentsButton() {
  return (
    <Button priority="secondary" size="small" iconId="fr-icon-team-line" nativeButtonProps={referentsModal.buttonProps}>
      Gérer les référents
    </Button>
  );
}

/** One référent and up to five co-référents, chosen among the social workers of the site. */
export function ReferentsDialog({ dto }: { dto: UsagerDto }) {
  const { data } = dto;
  const initialReferent = data.referent?.id ?? '';
  const initialCo = data.coReferents.map((c) => c.id);
  const [referentId, setReferentId] = useState(initialReferent);
  const [coReferentIds, setCoReferentIds] = useState<string[]>(initialCo);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const workers = useSiteWorkers();
  const mutation = useSetReferents(data.id);
  const errors = { ...serverFieldErrors(mutation.error), ...clientErrors };

  useIsModalOpen(referentsModal, {
    onDisclose: () => {
      setReferentId(initialReferent);
      setCoReferentIds(initialCo);
      setClientErrors({});
      mutation.reset();
    },
  });

  const people = new Map<string, string>();
  for (const w of workers.data?.items ?? []) people.set(w.id, w.displayName);
  for (const p of [data.referent, ...data.coReferents]) if (p && !people.has(p.id)) people.set(p.id, p.displayName);
  const options = [...people].map(([value, label]) => ({ value, label }));

  const handleCoReferent = (id: string) => (checked: boolean) =>
    setCoReferentIds((ids) => (checked ? [...ids, id] : ids.filter((x) => x !== id)));

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = { referentId, coReferentIds: coReferentIds.filter((id) => id !== referentId) };
    const parsed = SetReferentsInput.safeParse(body);
    if (!parsed.success) {
      setClientErrors(issuesToFields(parsed.error.issues));
      return;
    }
    setClientErrors({});
    mutation.mutate(parsed.data, { onSuccess: () => referentsModal.close() });
  };

  return (
    <referentsModal.Component title="Gérer les référents" size="medium">
      <form onSubmit={handleSubmit} noValidate aria-label="Référents du dossier">
        <SelectField
          id="referents-referentId"
          name="referentId"
          label="Référent"
          value={referentId}
          onChange={setReferentId}
          options={[{ value: '', label: '— Choisir —' }, ...options]}
          error={errors.referentId ?? errors._}
          required
        />
        <fieldset className="fr-fieldset" aria-describedby="co-referents-hint">
          <legend className="fr-fieldset__legend fr-text--regular">Co-référents</legend>
          <p id="co-referents-hint" className="fr-hint-text fr-fieldset__element">
            Cinq au plus
          </p>
          <div className="fr-fieldset__element">
            {options
              .filter((o) => o.value !== referentId)
              .map((o) => (
                <CheckboxField
                  key={o.value}
                  id={`co-referent-${o.value}`}
                  name="coReferentIds"
                  value={o.value}
                  label={o.label}
                  checked={coReferentIds.includes(o.value)}
                  onChange={handleCoReferent(o.value)}
                />
              ))}
          </div>
          {errors.coReferentIds ? <p className="fr-error-text fr-fieldset__element">{errors.coReferentIds}</p> : null}
        </fieldset>
        <ErrorAlert error={mutation.error} title="Référents non modifiés" />
        <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left fr-btns-group--right">
          <Button type="submit" disabled={mutation.isPending}>
            Enregistrer
          </Button>
          <Button type="button" priority="secondary" onClick={() => referentsModal.close()}>
            Annuler
          </Button>
        </div>
      </form>
    </referentsModal.Component>
  );
}

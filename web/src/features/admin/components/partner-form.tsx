import { Button } from '@codegouvfr/react-dsfr/Button';
import { PartnerInput } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/text-field';
import { issuesToFields, serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { useCreatePartner } from '../api/create-partner';
import { useUpdatePartner } from '../api/update-partner';
import type { PartnerDto } from '../types';

/** Creates or edits a partner of the directory (name, kind, address, phone, active). */
export function PartnerForm({ partner, onDone }: { partner?: PartnerDto; onDone: () => void }) {
  const [values, setValues] = useState({
    name: partner?.name ?? '',
    kind: partner?.kind ?? '',
    address: partner?.address ?? '',
    phone: partner?.phone ?? '',
    active: partner?.active ?? true,
  });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const createMutation = useCreatePartner();
  const updateMutation = useUpdatePartner();
  const mutation = partner ? updateMutation : createMutation;
  const errors = { ...serverFieldErrors(mutation.error), ...clientErrors };
  const prefix = partner ? `partner-${partner.id}` : 'new-partner';
  const set = (key: 'name' | 'kind' | 'address' | 'phone') => (v: string) => setValues((s) => ({ ...s, [key]: v }));

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = PartnerInput.safeParse(values);
    if (!parsed.success) {
      setClientErrors(issuesToFields(parsed.error.issues));
      return;
    }
    setClientErrors({});
    const body = { ...parsed.data, address: parsed.data.address ?? null, phone: parsed.data.phone ?? null };
    if (partner) updateMutation.mutate({ id: partner.id, body }, { onSuccess: onDone });
    else createMutation.mutate(body, { onSuccess: onDone });
  };

  return (
    <form
      onSubmit={handleSubmit}
      noValidate
      aria-labelledby={`${prefix}-titre`}
      className="fr-p-3w fr-mb-4w fr-background-alt--grey"
    >
      <h3 id={`${prefix}-titre`} className="fr-h5">
        {partner ? `Modifier le partenaire ${partner.name}` : 'Ajouter un partenaire'}
      </h3>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            id={`${prefix}-name`}
            name="name"
            label="Nom"
            value={values.name}
            onChange={set('name')}
            error={errors.name}
            required
            autoFocus
            maxLength={150}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            id={`${prefix}-kind`}
            name="kind"
            label="Type"
            hint="CAF, France Travail, CMP, PMI, Association…"
            value={values.kind}
            onChange={set('kind')}
            error={errors.kind}
            required
            maxLength={60}
          />
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <TextField
            id={`${prefix}-address`}
            name="address"
            label="Adresse"
            value={values.address}
            onChange={set('address')}
            error={errors.address}
            maxLength={200}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <TextField
            id={`${prefix}-phone`}
            name="phone"
            label="Téléphone"
            type="tel"
            inputMode="tel"
            value={values.phone}
            onChange={set('phone')}
            error={errors.phone}
            maxLength={30}
          />
        </div>
      </div>
      <CheckboxField
        id={`${prefix}-active`}
        name="active"
        label="Actif (proposé pour les orientations)"
        checked={values.active}
        onChange={(active) => setValues((s) => ({ ...s, active }))}
      />
      <ErrorAlert error={mutation.error} title={partner ? 'Partenaire non modifié' : 'Partenaire non créé'} />
      <div className="fr-btns-group fr-btns-group--inline-sm">
        <Button type="submit" disabled={mutation.isPending}>
          {partner ? 'Enregistrer' : 'Ajouter le partenaire'}
        </Button>
        <Button type="button" priority="secondary" onClick={onDone}>
          Annuler
        </Button>
      </div>
    </form>
  );
}

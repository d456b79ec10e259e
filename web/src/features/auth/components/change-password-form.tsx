import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ChangePasswordInput, PASSWORD_MIN_LENGTH } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/text-field';
import { issuesToFields, serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { useChangePassword } from '../api/change-password';

const EMPTY = { currentPassword: '', newPassword: '', confirmation: '' };

/** Current password, new one (12 characters at least) and its confirmation. */
export function ChangePasswordForm() {
  const [values, setValues] = useState(EMPTY);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useChangePassword();
  const errors = { ...serverFieldErrors(mutation.error), ...clientErrors };
  const handleField = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = ChangePasswordInput.safeParse(values);
    const fields = parsed.success ? {} : issuesToFields(parsed.error.issues);
    if (values.confirmation !== values.newPassword)
      fields.confirmation = 'Les deux mots de passe ne sont pas identiques';
    setClientErrors(fields);
    if (!parsed.success || fields.confirmation) return;
    mutation.mutate(parsed.data, { onSuccess: () => setValues(EMPTY) });
  };

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Changer mon mot de passe">
      <ErrorAlert error={mutation.error} title="Mot de passe non modifié" titleAs="h2" />
      {mutation.isSuccess ? (
        <div className="fr-mb-3w">
          <Alert
            severity="success"
            as="h2"
            title="Mot de passe modifié"
            description="Utilisez-le dès votre prochaine connexion."
          />
        </div>
      ) : null}
      <TextField
        name="currentPassword"
        label="Mot de passe actuel"
        type="password"
        autoComplete="current-password"
        value={values.currentPassword}
        onChange={handleField('currentPassword')}
        error={errors.currentPassword}
        required
        autoFocus
      />
      <TextField
        name="newPassword"
        label="Nouveau mot de passe"
        hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères`}
        type="password"
        autoComplete="new-password"
        value={values.newPassword}
        onChange={handleField('newPassword')}
        error={errors.newPassword}
        required
      />
      <TextField
        name="confirmation"
        label="Confirmation du nouveau mot de passe"
        type="password"
        autoComplete="new-password"
        value={values.confirmation}
        onChange={handleField('confirmation')}
        error={errors.confirmation}
        required
      />
      <Button type="submit" disabled={mutation.isPending}>
        Changer mon mot de passe
      </Button>
    </form>
  );
}

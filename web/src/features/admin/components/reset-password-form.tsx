import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { PASSWORD_MIN_LENGTH } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/text-field';
import { serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { useUpdateUser } from '../api/update-user';
import type { AdminUserDto } from '../types';

/** Sets a new temporary password (also unlocks an account locked after failed attempts). */
export function ResetPasswordForm({ user, onDone }: { user: AdminUserDto; onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useUpdateUser();
  const errors = { ...serverFieldErrors(mutation.error), ...clientErrors };
  const prefix = `reset-${user.id}`;

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (password.length < PASSWORD_MIN_LENGTH) {
      setClientErrors({ password: `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères` });
      return;
    }
    setClientErrors({});
    mutation.mutate({ id: user.id, body: { password } }, { onSuccess: () => setPassword('') });
  };

  return (
    <form
      onSubmit={handleSubmit}
      noValidate
      aria-labelledby={`${prefix}-titre`}
      className="fr-p-3w fr-mb-4w fr-background-alt--grey"
    >
      <h3 id={`${prefix}-titre`} className="fr-h5">
        Réinitialiser le mot de passe de {user.displayName}
      </h3>
      {mutation.isSuccess ? (
        <Alert
          severity="success"
          small
          className="fr-mb-2w"
          as="h4"
          description="Mot de passe provisoire enregistré : transmettez-le à la personne."
        />
      ) : null}
      <TextField
        id={`${prefix}-password`}
        name="password"
        label="Nouveau mot de passe provisoire"
        hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères`}
        type="password"
        value={password}
        onChange={setPassword}
        error={errors.password}
        required
        autoFocus
        autoComplete="new-password"
      />
      <ErrorAlert error={mutation.error} title="Mot de passe non modifié" titleAs="h4" />
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
        <Button type="submit" disabled={mutation.isPending}>
          Réinitialiser
        </Button>
        <Button type="button" priority="secondary" onClick={onDone}>
          Fermer
        </Button>
      </div>
    </form>
  );
}

import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/text-field';
import { serverFieldErrors } from '../../../lib/form';
import { useDisableSecondFactor } from '../api/second-factor';

/** Disabling by the user, who confirms with the password (only where the factor is optional). */
export function SecondFactorDisable() {
  const [password, setPassword] = useState('');
  const mutation = useDisableSecondFactor();
  const errors = serverFieldErrors(mutation.error);
  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({ password });
  };
  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Désactiver la double authentification">
      <ErrorAlert error={mutation.error} title="Désactivation impossible" titleAs="h2" />
      <TextField
        name="password"
        label="Mot de passe actuel"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={errors.password}
        required
      />
      <Button type="submit" priority="secondary" disabled={mutation.isPending}>
        Désactiver la double authentification
      </Button>
    </form>
  );
}

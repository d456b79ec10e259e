import { Button } from '@codegouvfr/react-dsfr/Button';
import { LoginInput } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/text-field';
import { issuesToFields, serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { useLogin } from '../api/login';

/** Email and password; the server's message (wrong password, account locked) is shown as is. */
export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const loginMutation = useLogin();
  const errors = { ...serverFieldErrors(loginMutation.error), ...clientErrors };

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = LoginInput.safeParse({ email, password });
    if (!parsed.success) {
      setClientErrors(issuesToFields(parsed.error.issues));
      return;
    }
    setClientErrors({});
    loginMutation.mutate(parsed.data, { onSuccess });
  };

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Connexion">
      <ErrorAlert error={loginMutation.error} title="Connexion impossible" titleAs="h2" />
      <TextField
        name="email"
        label="Adresse électronique"
        hint="Format attendu : nom@domaine.fr"
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        error={errors.email}
        required
        autoFocus
      />
      <TextField
        name="password"
        label="Mot de passe"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={errors.password}
        required
      />
      <Button type="submit" disabled={loginMutation.isPending}>
        {loginMutation.isPending ? 'Connexion…' : 'Se connecter'}
      </Button>
    </form>
  );
}

import { Button } from '@codegouvfr/react-dsfr/Button';
import { LoginInput } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/text-field';
import { issuesToFields, serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { ApiError } from '../../../lib/api-client';
import { useLogin } from '../api/login';

/**
 * Email and password; then, for an account with a second factor, the 6-digit code (or a recovery code). The server's
 * message (wrong password, account locked, too many attempts) is shown as is.
 */
export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const loginMutation = useLogin();
  const [codeStep, setCodeStep] = useState(false);
  // "Code required" is the second step, not an error to show.
  const askedForCode = loginMutation.error instanceof ApiError && loginMutation.error.code === 'totp_required';
  const serverError = askedForCode ? null : loginMutation.error;
  const errors = { ...serverFieldErrors(serverError), ...clientErrors };

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = LoginInput.safeParse({ email, password, ...(codeStep ? { code } : {}) });
    if (!parsed.success) {
      setClientErrors(issuesToFields(parsed.error.issues));
      return;
    }
    setClientErrors({});
    loginMutation.mutate(parsed.data, {
      onSuccess,
      onError: (err) => {
        if (err instanceof ApiError && err.code === 'totp_required') setCodeStep(true);
      },
    });
  };

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Connexion">
      <ErrorAlert error={serverError} title="Connexion impossible" titleAs="h2" />
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
      {codeStep ? (
        <TextField
          name="code"
          label="Code de vérification"
          hint="Les 6 chiffres affichés par votre application d’authentification, ou un code de secours"
          autoComplete="one-time-code"
          inputMode="text"
          value={code}
          onChange={setCode}
          error={errors.code}
          maxLength={40}
          required
          autoFocus
        />
      ) : null}
      <Button type="submit" disabled={loginMutation.isPending}>
        {loginMutation.isPending ? 'Connexion…' : 'Se connecter'}
      </Button>
    </form>
  );
}

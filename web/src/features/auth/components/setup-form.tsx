import { Button } from '@codegouvfr/react-dsfr/Button';
import { PASSWORD_MIN_LENGTH, SetupInput } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/text-field';
import { issuesToFields, serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { useSetup } from '../api/setup';

/** First start: creates the functional admin who will then create sites, teams and users. */
export function SetupForm({ onSuccess }: { onSuccess: () => void }) {
  const [values, setValues] = useState({ email: '', displayName: '', password: '', confirmation: '' });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const setupMutation = useSetup();
  const errors = { ...serverFieldErrors(setupMutation.error), ...clientErrors };
  const handleField = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = SetupInput.safeParse(values);
    const fields = parsed.success ? {} : issuesToFields(parsed.error.issues);
    if (values.confirmation !== values.password) fields.confirmation = 'Les deux mots de passe ne sont pas identiques';
    setClientErrors(fields);
    if (!parsed.success || fields.confirmation) return;
    setupMutation.mutate(parsed.data, { onSuccess });
  };

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Création du premier administrateur">
      <ErrorAlert error={setupMutation.error} title="Création impossible" titleAs="h2" />
      <TextField
        name="email"
        label="Adresse électronique"
        type="email"
        autoComplete="username"
        value={values.email}
        onChange={handleField('email')}
        error={errors.email}
        required
        autoFocus
      />
      <TextField
        name="displayName"
        label="Nom affiché"
        hint="Par exemple : Camille Martin"
        autoComplete="name"
        value={values.displayName}
        onChange={handleField('displayName')}
        error={errors.displayName}
        required
      />
      <TextField
        name="password"
        label="Mot de passe"
        hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères`}
        type="password"
        autoComplete="new-password"
        value={values.password}
        onChange={handleField('password')}
        error={errors.password}
        required
      />
      <TextField
        name="confirmation"
        label="Confirmation du mot de passe"
        type="password"
        autoComplete="new-password"
        value={values.confirmation}
        onChange={handleField('confirmation')}
        error={errors.confirmation}
        required
      />
      <Button type="submit" disabled={setupMutation.isPending}>
        Créer le compte administrateur
      </Button>
    </form>
  );
}

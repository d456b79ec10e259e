import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { secondFactorRequired } from '@jalon/core';
import type { FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useResetSecondFactor } from '../api/reset-second-factor';
import type { AdminUserDto } from '../types';

/** Confirms the reset of a user's second factor (audited on the server). */
export function ResetSecondFactorForm({ user, onDone }: { user: AdminUserDto; onDone: () => void }) {
  const mutation = useResetSecondFactor();
  const prefix = `totp-${user.id}`;
  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate(user.id);
  };
  return (
    <form
      onSubmit={handleSubmit}
      aria-labelledby={`${prefix}-titre`}
      className="fr-p-3w fr-mb-4w fr-background-alt--grey"
    >
      <h3 id={`${prefix}-titre`} className="fr-h5">
        Réinitialiser la double authentification de {user.displayName}
      </h3>
      {mutation.isSuccess ? (
        <Alert
          severity="success"
          small
          className="fr-mb-2w"
          as="h4"
          description="Double authentification réinitialisée : ses sessions sont fermées."
        />
      ) : (
        <p>
          À utiliser si la personne a perdu son téléphone et ses codes de secours. Ses sessions sont fermées
          {secondFactorRequired(user.role)
            ? ' ; à sa prochaine connexion, elle devra activer à nouveau la double authentification (obligatoire pour son profil).'
            : '.'}
        </p>
      )}
      <ErrorAlert error={mutation.error} title="Réinitialisation impossible" titleAs="h4" />
      <div className="fr-btns-group fr-btns-group--inline-sm">
        {mutation.isSuccess ? null : (
          <Button type="submit" disabled={mutation.isPending}>
            Réinitialiser
          </Button>
        )}
        <Button type="button" priority="secondary" onClick={onDone}>
          Fermer
        </Button>
      </div>
    </form>
  );
}

import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { ReactNode } from 'react';
import { isApiError } from '../../lib/api-client';

/** The server's French message, shown as it is; unknown errors get a generic sentence. */
export const errorMessage = (error: unknown): string => {
  if (isApiError(error)) return error.message;
  return 'Une erreur inattendue est survenue. Réessayez ; si le problème persiste, contactez votre administrateur.';
};

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  children?: ReactNode;
}

/** A DSFR error alert announced to screen readers (role="alert"). */
export function ErrorAlert({ error, title = 'Erreur', children }: ErrorAlertProps) {
  if (!error) return null;
  return (
    <div role="alert" className="fr-mb-3w">
      <Alert
        severity="error"
        title={title}
        description={
          <>
            <span>{errorMessage(error)}</span>
            {children}
          </>
        }
      />
    </div>
  );
}

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
  /** Heading level of the title, to keep the page outline in order (h3 inside a section by default). */
  titleAs?: 'h2' | 'h3' | 'h4';
  children?: ReactNode;
}

/** A DSFR error alert, announced to screen readers (the DSFR alert carries role="alert"). */
export function ErrorAlert({ error, title = 'Erreur', titleAs = 'h3', children }: ErrorAlertProps) {
  if (!error) return null;
  return (
    <div className="fr-mb-3w">
      <Alert
        severity="error"
        as={titleAs}
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

import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useState } from 'react';
import { SecondFactorDisable } from '../../features/auth/components/second-factor-disable';
import { SecondFactorEnrolment } from '../../features/auth/components/second-factor-enrolment';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useSession } from './require-auth';

/** /double-authentification — TOTP enrolment, or its state and disabling. */
export function SecondFactorRoute() {
  useDocumentTitle('Double authentification');
  const me = useSession();
  const { enrolled, required } = me.secondFactor;
  // The recovery codes stay on screen after the confirmation, though the session now says "enrolled".
  const [confirming, setConfirming] = useState(!enrolled);
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1>Double authentification</h1>
        {required && !enrolled && confirming ? (
          <div className="fr-mb-3w">
            <Alert
              severity="warning"
              as="h2"
              small={false}
              title="Obligatoire pour votre profil"
              description="Activez la double authentification pour accéder à Jalon."
            />
          </div>
        ) : null}
        {enrolled && !confirming ? (
          <>
            <p>La double authentification est activée : un code vous est demandé à chaque connexion.</p>
            {required ? (
              <p>
                Elle est obligatoire pour votre profil. Téléphone perdu : demandez sa réinitialisation à un autre
                administrateur fonctionnel.
              </p>
            ) : (
              <SecondFactorDisable />
            )}
          </>
        ) : (
          <SecondFactorEnrolment onStart={() => setConfirming(true)} />
        )}
      </div>
    </div>
  );
}

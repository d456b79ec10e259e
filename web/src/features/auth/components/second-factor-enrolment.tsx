import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ConfirmSecondFactorInput } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/text-field';
import { issuesToFields, serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { useConfirmEnrolment, useStartEnrolment } from '../api/second-factor';

/** Enrolment: QR code and secret in text, confirmation by a first code, then the 10 recovery codes shown once. */
export function SecondFactorEnrolment({ onStart }: { onStart: () => void }) {
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const [code, setCode] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const errors = { ...serverFieldErrors(confirm.error), ...clientErrors };

  if (confirm.data) {
    return (
      <section aria-labelledby="codes-de-secours">
        <Alert
          severity="success"
          as="h2"
          title="Double authentification activée"
          description="Le code sera demandé à chaque connexion."
        />
        <h2 id="codes-de-secours" className="fr-mt-4w">
          Vos codes de secours
        </h2>
        <p>
          Notez ou imprimez ces 10 codes et gardez-les en lieu sûr : chacun remplace une fois le code de l’application
          si vous n’avez plus votre téléphone. Ils ne seront plus affichés.
        </p>
        <ul className="jalon-recovery-codes" aria-label="Codes de secours">
          {confirm.data.recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  if (!start.data) {
    return (
      <div>
        <ErrorAlert error={start.error} title="Activation impossible" titleAs="h2" />
        <p>
          Il vous faut une application d’authentification sur votre téléphone professionnel (par exemple FreeOTP ou
          Aegis).
        </p>
        <Button
          onClick={() => {
            onStart();
            start.mutate();
          }}
          disabled={start.isPending}
        >
          Activer la double authentification
        </Button>
      </div>
    );
  }

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = ConfirmSecondFactorInput.safeParse({ code });
    if (!parsed.success) {
      setClientErrors(issuesToFields(parsed.error.issues));
      return;
    }
    setClientErrors({});
    confirm.mutate(parsed.data);
  };

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Activer la double authentification">
      <ol>
        <li>
          Scannez ce QR code avec votre application d’authentification :
          <div className="fr-my-2w">
            <img
              src={start.data.qrCode}
              alt="QR code de la double authentification (le secret est aussi donné en texte ci-dessous)"
              width={200}
              height={200}
            />
          </div>
        </li>
        <li>
          ou saisissez ce secret dans l’application : <code data-testid="totp-secret">{start.data.secret}</code>
        </li>
        <li>puis saisissez le code à 6 chiffres qu’elle affiche.</li>
      </ol>
      <ErrorAlert error={confirm.error} title="Code refusé" titleAs="h2" />
      <TextField
        name="code"
        label="Code de vérification"
        hint="6 chiffres"
        autoComplete="one-time-code"
        inputMode="numeric"
        value={code}
        onChange={setCode}
        error={errors.code}
        maxLength={40}
        required
        autoFocus
      />
      <Button type="submit" disabled={confirm.isPending}>
        Confirmer
      </Button>
    </form>
  );
}

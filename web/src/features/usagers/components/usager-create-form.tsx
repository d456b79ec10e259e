import { Button } from '@codegouvfr/react-dsfr/Button';
import { CreateUsagerInput, type DuplicateMatchesDto, type MeDto } from '@jalon/core';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { submitOnEnter, useFocusFirstError } from '../../../hooks/use-focus-first-error';
import { isApiError } from '../../../lib/api-client';
import { issuesToFields, serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { useCreateUsager, type CreateUsagerBody } from '../api/create-usager';
import { getDuplicates, hasDuplicateMatches } from '../api/get-duplicates';
import { useSiteTeams } from '../api/get-site-teams';
import { useSiteWorkers } from '../api/get-site-workers';
import {
  EMPTY_CONTACT,
  EMPTY_HOUSEHOLD,
  EMPTY_IDENTIFIERS,
  EMPTY_IDENTITY,
  EMPTY_SITUATION,
  contactBody,
  householdBody,
  identifiersBody,
  identityBody,
  situationBody,
  type ContactValues,
  type HouseholdValues,
  type IdentifierValues,
  type IdentityValues,
  type SituationValues,
} from '../form-values';
import type { CreatedUsagerDto } from '../types';
import { ContactFields } from './contact-fields';
import { DuplicateMatches } from './duplicate-matches';
import { HouseholdFields } from './household-fields';
import { IdentifierFields } from './identifier-fields';
import { IdentityFields } from './identity-fields';
import { asks } from '../profile-fields';
import { ActivityFields, CivilStatusFields } from './situation-fields';

type Values = IdentityValues &
  ContactValues &
  IdentifierValues &
  SituationValues &
  HouseholdValues & {
    teamId: string;
    referentId: string;
  };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="fr-fieldset fr-mb-2w">
      <legend className="fr-fieldset__legend">
        <h2 className="fr-h5 fr-mb-1w">{title}</h2>
      </legend>
      <div className="fr-fieldset__element">{children}</div>
    </fieldset>
  );
}

const toBody = (v: Values): CreateUsagerBody => ({
  ...identityBody(v),
  ...contactBody(v),
  ...identifiersBody(v),
  ...situationBody(v),
  ...householdBody(v),
  teamId: v.teamId || undefined,
  referentId: v.referentId || undefined,
});

/**
 * One screen, keyboard first: the first field has the focus, Enter submits from any field, and a
 * refused submit keeps everything typed. Only the names and the birth date are required.
 */
export function UsagerCreateForm({ me, onCreated }: { me: MeDto; onCreated: (created: CreatedUsagerDto) => void }) {
  const isWorker = me.can.referentByDefault;
  /** The site's minimisation profile: a coordin site asks nothing beyond identity, contact and the core items. */
  const profile = me.user.siteProfile;
  const [values, setValues] = useState<Values>({
    ...EMPTY_IDENTITY,
    ...EMPTY_CONTACT,
    ...EMPTY_IDENTIFIERS,
    ...EMPTY_SITUATION,
    ...EMPTY_HOUSEHOLD,
    teamId: me.user.teamIds[0] ?? '',
    referentId: isWorker ? me.user.id : '',
  });
  const [teamTouched, setTeamTouched] = useState(false);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const teams = useSiteTeams();
  const workers = useSiteWorkers();
  const createMutation = useCreateUsager();
  const formRef = useRef<HTMLFormElement>(null);
  const errors = { ...serverFieldErrors(createMutation.error), ...clientErrors };
  const focusError = useFocusFirstError(formRef, Object.keys(errors).length);

  /** Likely duplicates found for the identity typed (docs/security.md, "Duplicates"); cleared when it changes. */
  const [duplicates, setDuplicates] = useState<DuplicateMatchesDto | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<unknown>(null);

  const handleChange = (patch: Partial<Values>) => {
    setValues((v) => ({ ...v, ...patch }));
    if (['birthName', 'usedName', 'firstNames', 'birthDate'].some((k) => k in patch)) setDuplicates(null);
  };

  const create = (body: CreateUsagerBody) =>
    createMutation.mutate(body, {
      onSuccess: onCreated,
      onError: (e) => {
        // Someone created a close file meanwhile: show it rather than an error.
        if (isApiError(e) && e.code === 'likely_duplicate') void check(body);
        else focusError.request();
      },
    });

  /** Asks for the likely matches first; creates directly when there are none. */
  const check = async (body: CreateUsagerBody) => {
    setChecking(true);
    setCheckError(null);
    try {
      const found = await getDuplicates(values);
      if (hasDuplicateMatches(found)) setDuplicates(found);
      else create(body);
    } catch (e) {
      setCheckError(e);
    } finally {
      setChecking(false);
    }
  };

  const handleReferentChange = (referentId: string) => {
    const worker = workers.data?.items.find((w) => w.id === referentId);
    const team = worker?.teamIds[0];
    setValues((v) => ({ ...v, referentId, ...(!teamTouched && team ? { teamId: team } : {}) }));
  };

  const handleTeamChange = (teamId: string) => {
    setTeamTouched(true);
    handleChange({ teamId });
  };

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = toBody(values);
    const parsed = CreateUsagerInput.safeParse(body);
    if (!parsed.success) {
      setClientErrors(issuesToFields(parsed.error.issues));
      focusError.request();
      return;
    }
    setClientErrors({});
    void check(body);
  };

  const teamOptions = [
    { value: '', label: 'Équipe par défaut (la mienne)' },
    ...(teams.data?.items ?? []).map((t) => ({ value: t.id, label: t.name })),
  ];
  const workerItems = workers.data?.items ?? [];
  const referentOptions = [
    { value: '', label: isWorker ? 'Moi-même' : 'Aucun référent pour l’instant' },
    ...workerItems.map((w) => ({ value: w.id, label: w.id === me.user.id ? `${w.displayName} (moi)` : w.displayName })),
  ];

  return (
    <form ref={formRef} onSubmit={handleSubmit} onKeyDown={submitOnEnter} noValidate aria-label="Créer un dossier">
      <p className="fr-text--sm">
        Les champs marqués d’un astérisque (<span aria-hidden="true">*</span>
        <span className="fr-sr-only">astérisque</span>) sont obligatoires. Les listes sont à « Non renseigné » par
        défaut.
      </p>
      <Section title="Identité">
        <IdentityFields values={values} onChange={handleChange} errors={errors} autoFocus />
        <CivilStatusFields values={values} onChange={handleChange} errors={errors} profile={profile} />
      </Section>
      <Section title="Coordonnées">
        <ContactFields values={values} onChange={handleChange} errors={errors} />
      </Section>
      {asks(profile, 'identifiers.cafNumber') || asks(profile, 'identifiers.franceTravailId') ? (
        <Section title="Identifiants">
          <IdentifierFields values={values} onChange={handleChange} errors={errors} />
        </Section>
      ) : null}
      <Section title="Situation professionnelle et scolarité">
        <ActivityFields values={values} onChange={handleChange} errors={errors} profile={profile} />
      </Section>
      <Section title="Logement et contexte familial">
        <HouseholdFields values={values} onChange={handleChange} errors={errors} profile={profile} />
      </Section>
      <Section title="Suivi">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <SelectField
              name="referentId"
              label="Référent"
              value={values.referentId}
              onChange={handleReferentChange}
              options={referentOptions}
              error={errors.referentId}
              hint={workers.isError ? 'Liste des travailleurs sociaux indisponible' : undefined}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <SelectField
              name="teamId"
              label="Équipe"
              value={values.teamId}
              onChange={handleTeamChange}
              options={teamOptions}
              error={errors.teamId}
              hint={teams.isError ? 'Liste des équipes indisponible' : undefined}
            />
          </div>
        </div>
      </Section>
      <ErrorAlert error={checkError} title="Vérification des doublons impossible" />
      {duplicates ? (
        <DuplicateMatches
          matches={duplicates}
          canBreakGlass={me.can.requestBreakGlass}
          pending={createMutation.isPending}
          onConfirm={() => create({ ...toBody(values), confirmDuplicate: true })}
          onCancel={() => setDuplicates(null)}
        />
      ) : (
        <ErrorAlert error={createMutation.error} title="Le dossier n’a pas été créé" />
      )}
      {Object.keys(clientErrors).length > 0 ? (
        <p className="fr-error-text fr-mb-2w" role="alert">
          Le formulaire contient des erreurs : corrigez les champs signalés.
        </p>
      ) : null}
      {duplicates ? null : (
        <Button type="submit" iconId="fr-icon-save-line" disabled={createMutation.isPending || checking}>
          {createMutation.isPending || checking ? 'Création…' : 'Créer le dossier'}
        </Button>
      )}
    </form>
  );
}

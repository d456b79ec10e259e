import { Button } from '@codegouvfr/react-dsfr/Button';
import { PASSWORD_MIN_LENGTH, ROLE_LABELS, ROLES, SITE_ROLES, type Role } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { useCreateUser } from '../api/create-user';
import { useUpdateUser } from '../api/update-user';
import type { AdminUserDto, SiteDto, TeamDto } from '../types';

interface UserFormProps {
  user?: AdminUserDto;
  sites: SiteDto[];
  teams: TeamDto[];
  onDone: () => void;
}

const isSiteRole = (role: string) => SITE_ROLES.includes(role as Role);

/**
 * Creates an account (with a temporary password) or edits one: role, site, teams, active.
 * Admin and DPO accounts have no site and no team; site roles need a site.
 */
export function UserForm({ user, sites, teams, onDone }: UserFormProps) {
  const [values, setValues] = useState({
    email: user?.email ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? 'travailleur_social',
    siteId: user?.siteId ?? '',
    teamIds: user?.teamIds ?? [],
    active: user?.active ?? true,
    password: '',
  });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const createMutation = useCreateUser();
  const updateMutation = useUpdateUser();
  const mutation = user ? updateMutation : createMutation;
  const errors = { ...serverFieldErrors(mutation.error), ...clientErrors };
  const prefix = user ? `user-${user.id}` : 'new-user';
  const withSite = isSiteRole(values.role);
  const siteTeams = teams.filter((t) => t.siteId === values.siteId);

  const handleRole = (role: string) => setValues((v) => ({ ...v, role: role as Role }));
  const handleSite = (siteId: string) => setValues((v) => ({ ...v, siteId, teamIds: [] }));
  const handleTeam = (id: string) => (checked: boolean) =>
    setValues((v) => ({ ...v, teamIds: checked ? [...v.teamIds, id] : v.teamIds.filter((t) => t !== id) }));

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!user && values.password.length < PASSWORD_MIN_LENGTH) {
      setClientErrors({ password: `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères` });
      return;
    }
    if (withSite && values.role === 'travailleur_social' && values.siteId && values.teamIds.length === 0) {
      setClientErrors({ teamIds: 'Équipe obligatoire : un travailleur social appartient à une équipe de son site' });
      return;
    }
    setClientErrors({});
    const placement = {
      role: values.role,
      siteId: withSite ? values.siteId || null : null,
      teamIds: withSite ? values.teamIds.filter((id) => siteTeams.some((t) => t.id === id)) : [],
    };
    if (user) {
      updateMutation.mutate(
        { id: user.id, body: { displayName: values.displayName, active: values.active, ...placement } },
        { onSuccess: onDone },
      );
    } else {
      createMutation.mutate(
        { email: values.email, displayName: values.displayName, password: values.password, ...placement },
        { onSuccess: onDone },
      );
    }
  };

  return (
    <form
      onSubmit={handleSubmit}
      noValidate
      aria-labelledby={`${prefix}-titre`}
      className="fr-p-3w fr-mb-4w fr-background-alt--grey"
    >
      <h3 id={`${prefix}-titre`} className="fr-h5">
        {user ? `Modifier le compte de ${user.displayName}` : 'Créer un compte'}
      </h3>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            id={`${prefix}-email`}
            name="email"
            label="Adresse électronique"
            type="email"
            value={values.email}
            onChange={(email) => setValues((v) => ({ ...v, email }))}
            error={errors.email}
            required={!user}
            disabled={Boolean(user)}
            autoFocus={!user}
            autoComplete="off"
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            id={`${prefix}-displayName`}
            name="displayName"
            label="Nom affiché"
            value={values.displayName}
            onChange={(displayName) => setValues((v) => ({ ...v, displayName }))}
            error={errors.displayName}
            required
            autoFocus={Boolean(user)}
            autoComplete="off"
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <SelectField
            id={`${prefix}-role`}
            name="role"
            label="Rôle"
            value={values.role}
            onChange={handleRole}
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            error={errors.role}
            required
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          {withSite ? (
            <SelectField
              id={`${prefix}-siteId`}
              name="siteId"
              label="Site"
              value={values.siteId}
              onChange={handleSite}
              options={[{ value: '', label: '— Choisir —' }, ...sites.map((s) => ({ value: s.id, label: s.name }))]}
              error={errors.siteId}
              required
            />
          ) : (
            <p className="fr-text--sm fr-mt-4w">Les profils administrateur et DPO ne sont rattachés à aucun site.</p>
          )}
        </div>
      </div>
      {withSite && values.siteId ? (
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-text--regular">
            <span className={values.role === 'travailleur_social' ? 'jalon-required' : undefined}>Équipes</span>
          </legend>
          <div className="fr-fieldset__element">
            {siteTeams.length === 0 ? <p className="fr-text--sm">Aucune équipe sur ce site.</p> : null}
            {siteTeams.map((t) => (
              <CheckboxField
                key={t.id}
                id={`${prefix}-team-${t.id}`}
                name="teamIds"
                value={t.id}
                label={t.name}
                checked={values.teamIds.includes(t.id)}
                onChange={handleTeam(t.id)}
              />
            ))}
          </div>
          {errors.teamIds ? <p className="fr-error-text fr-fieldset__element">{errors.teamIds}</p> : null}
        </fieldset>
      ) : null}
      {user ? (
        <CheckboxField
          id={`${prefix}-active`}
          name="active"
          label="Compte actif"
          hint="Un compte désactivé ne peut plus se connecter ; son historique est conservé."
          checked={values.active}
          onChange={(active) => setValues((v) => ({ ...v, active }))}
        />
      ) : (
        <TextField
          id={`${prefix}-password`}
          name="password"
          label="Mot de passe provisoire"
          hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères, à transmettre à la personne qui le changera`}
          type="password"
          value={values.password}
          onChange={(password) => setValues((v) => ({ ...v, password }))}
          error={errors.password}
          required
          autoComplete="new-password"
        />
      )}
      <ErrorAlert error={mutation.error} title={user ? 'Compte non modifié' : 'Compte non créé'} />
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
        <Button type="submit" disabled={mutation.isPending}>
          {user ? 'Enregistrer' : 'Créer le compte'}
        </Button>
        <Button type="button" priority="secondary" onClick={onDone}>
          Annuler
        </Button>
      </div>
    </form>
  );
}

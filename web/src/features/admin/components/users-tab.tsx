import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ROLE_LABELS } from '@jalon/core';
import { useState } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { useSites } from '../api/get-sites';
import { useTeams } from '../api/get-teams';
import { useUsers } from '../api/get-users';
import type { AdminUserDto } from '../types';
import { ResetPasswordForm } from './reset-password-form';
import { ResetSecondFactorForm } from './reset-second-factor-form';
import { UserForm } from './user-form';

type Panel =
  | { kind: 'create' }
  | { kind: 'edit'; user: AdminUserDto }
  | { kind: 'reset'; user: AdminUserDto }
  | { kind: 'totp'; user: AdminUserDto }
  | null;

function UserState({ user }: { user: AdminUserDto }) {
  if (!user.active)
    return (
      <Badge small noIcon>
        Désactivé
      </Badge>
    );
  if (user.locked)
    return (
      <Badge small severity="warning">
        Verrouillé
      </Badge>
    );
  return (
    <Badge small severity="success" noIcon>
      Actif
    </Badge>
  );
}

/** Accounts: list, creation, role/site/teams changes, deactivation and password reset. */
export function UsersTab() {
  const users = useUsers();
  const sites = useSites();
  const teams = useTeams();
  const [panel, setPanel] = useState<Panel>(null);
  const error = users.error ?? sites.error ?? teams.error;
  if (error) return <ErrorAlert error={error} title="Comptes indisponibles" titleAs="h2" />;
  if (!users.data || !sites.data || !teams.data) return <Loading />;
  const siteList = sites.data.items;
  const teamList = teams.data.items;
  const userList = users.data.items;
  const siteName = new Map(siteList.map((s) => [s.id, s.name]));
  const teamName = new Map(teamList.map((t) => [t.id, t.name]));
  const close = () => setPanel(null);

  return (
    <>
      <div className="fr-grid-row fr-grid-row--middle fr-mb-2w">
        <h2 className="fr-h4 fr-col fr-mb-0">Utilisateurs</h2>
        {panel?.kind !== 'create' ? (
          <Button size="small" iconId="fr-icon-user-add-line" onClick={() => setPanel({ kind: 'create' })}>
            Créer un compte
          </Button>
        ) : null}
      </div>
      {panel?.kind === 'create' ? <UserForm sites={siteList} teams={teamList} onDone={close} /> : null}
      {panel?.kind === 'edit' ? (
        <UserForm key={panel.user.id} user={panel.user} sites={siteList} teams={teamList} onDone={close} />
      ) : null}
      {panel?.kind === 'reset' ? <ResetPasswordForm key={panel.user.id} user={panel.user} onDone={close} /> : null}
      {panel?.kind === 'totp' ? <ResetSecondFactorForm key={panel.user.id} user={panel.user} onDone={close} /> : null}
      <DataTable
        caption="Utilisateurs"
        hideCaption
        empty="Aucun compte."
        headers={[
          'Nom',
          'Adresse électronique',
          'Rôle',
          'Site',
          'Équipes',
          'État',
          'Double authentification',
          'Actions',
        ]}
        rows={userList.map((u) => ({
          key: u.id,
          cells: [
            u.displayName,
            u.email,
            ROLE_LABELS[u.role] ?? u.role,
            u.siteId ? (siteName.get(u.siteId) ?? '—') : '—',
            u.teamIds.map((id) => teamName.get(id) ?? '?').join(', ') || '—',
            <UserState key="s" user={u} />,
            u.secondFactor ? 'Activée' : 'Non activée',
            <span key="a" className="jalon-nowrap">
              <Button
                priority="tertiary"
                size="small"
                className="fr-mr-1w"
                onClick={() => setPanel({ kind: 'edit', user: u })}
                nativeButtonProps={{ 'aria-label': `Modifier : ${u.displayName}` }}
              >
                Modifier
              </Button>
              <Button
                priority="tertiary"
                size="small"
                onClick={() => setPanel({ kind: 'reset', user: u })}
                nativeButtonProps={{ 'aria-label': `Réinitialiser le mot de passe : ${u.displayName}` }}
              >
                Mot de passe
              </Button>
              {u.secondFactor ? (
                <Button
                  priority="tertiary"
                  size="small"
                  className="fr-ml-1w"
                  onClick={() => setPanel({ kind: 'totp', user: u })}
                  nativeButtonProps={{ 'aria-label': `Réinitialiser la double authentification : ${u.displayName}` }}
                >
                  Double authentification
                </Button>
              ) : null}
            </span>,
          ],
        }))}
      />
    </>
  );
}

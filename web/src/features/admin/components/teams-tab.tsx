import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState, type FormEvent } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { serverFieldErrors } from '../../../lib/form';
import { useCreateTeam } from '../api/create-team';
import { useSites } from '../api/get-sites';
import { useTeams } from '../api/get-teams';
import { useUpdateTeam } from '../api/update-team';
import type { TeamDto } from '../types';

/** Creates a team on a site, or renames one. */
function TeamForm({ siteId, team, onDone }: { siteId: string; team?: TeamDto; onDone: () => void }) {
  const [name, setName] = useState(team?.name ?? '');
  const createMutation = useCreateTeam();
  const updateMutation = useUpdateTeam();
  const mutation = team ? updateMutation : createMutation;
  const errors = serverFieldErrors(mutation.error);
  const prefix = team ? `team-${team.id}` : 'new-team';

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (team) updateMutation.mutate({ id: team.id, name }, { onSuccess: onDone });
    else createMutation.mutate({ siteId, name }, { onSuccess: onDone });
  };

  return (
    <form
      onSubmit={handleSubmit}
      noValidate
      aria-labelledby={`${prefix}-titre`}
      className="fr-p-3w fr-mb-4w fr-background-alt--grey"
    >
      <h3 id={`${prefix}-titre`} className="fr-h5">
        {team ? `Renommer l’équipe ${team.name}` : 'Créer une équipe'}
      </h3>
      <TextField
        id={`${prefix}-name`}
        name="name"
        label="Nom de l’équipe"
        value={name}
        onChange={setName}
        error={errors.name}
        required
        autoFocus
      />
      <ErrorAlert error={mutation.error} title={team ? 'Équipe non renommée' : 'Équipe non créée'} />
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
        <Button type="submit" disabled={mutation.isPending}>
          {team ? 'Renommer' : 'Créer l’équipe'}
        </Button>
        <Button type="button" priority="secondary" onClick={onDone}>
          Annuler
        </Button>
      </div>
    </form>
  );
}

/** Teams, site by site. */
export function TeamsTab() {
  const sites = useSites();
  const teams = useTeams();
  const [siteId, setSiteId] = useState('');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<TeamDto | null>(null);
  const error = sites.error ?? teams.error;
  if (error) return <ErrorAlert error={error} title="Équipes indisponibles" titleAs="h2" />;
  if (!sites.data || !teams.data) return <Loading />;
  const siteList = sites.data.items;
  const currentSite = siteId || siteList[0]?.id || '';
  const siteTeams = teams.data.items.filter((t) => t.siteId === currentSite);

  const handleSiteChange = (id: string) => {
    setSiteId(id);
    setCreating(false);
    setEditing(null);
  };

  return (
    <>
      <h2 className="fr-h4">Équipes</h2>
      <SelectField
        id="teams-site"
        name="siteId"
        label="Site"
        value={currentSite}
        onChange={handleSiteChange}
        options={siteList.map((s) => ({ value: s.id, label: `${s.name} (${s.code})` }))}
      />
      {currentSite && !creating ? (
        <Button size="small" iconId="fr-icon-add-line" className="fr-mb-2w" onClick={() => setCreating(true)}>
          Créer une équipe
        </Button>
      ) : null}
      {creating ? <TeamForm siteId={currentSite} onDone={() => setCreating(false)} /> : null}
      {editing ? (
        <TeamForm key={editing.id} siteId={currentSite} team={editing} onDone={() => setEditing(null)} />
      ) : null}
      <DataTable
        caption="Équipes du site"
        hideCaption
        empty="Aucune équipe sur ce site."
        headers={['Nom', 'Action']}
        rows={siteTeams.map((t) => ({
          key: t.id,
          cells: [
            t.name,
            <Button
              key="e"
              priority="tertiary"
              size="small"
              onClick={() => setEditing(t)}
              nativeButtonProps={{ 'aria-label': `Renommer l’équipe ${t.name}` }}
            >
              Renommer
            </Button>,
          ],
        }))}
      />
    </>
  );
}

import { Select } from '@codegouvfr/react-dsfr/Select';
import { useTeams } from '../../admin/api/get-teams';
import { useSiteTeams } from '../../usagers/api/get-site-teams';

export interface ImportTarget {
  siteId: string;
  teamId: string;
}

function TeamSelect({
  id,
  teams,
  value,
  onChange,
}: {
  id: string;
  teams: { id: string; name: string }[];
  value: string;
  onChange: (teamId: string) => void;
}) {
  return (
    <Select
      label="Équipe des dossiers créés"
      hint="Donnée aux dossiers que l’import crée sans équipe ; facultatif"
      nativeSelectProps={{ id, name: 'teamId', value, onChange: (e) => onChange(e.target.value) }}
    >
      <option value="">Aucune équipe</option>
      {teams.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
    </Select>
  );
}

/** The administrator's target: a site (required), then one of its teams. */
function AdminTarget({
  idPrefix,
  sites,
  value,
  onChange,
}: TargetFieldsProps & { sites: { id: string; name: string }[] }) {
  const teams = useTeams();
  return (
    <>
      <Select
        label={<span className="jalon-required">Site de destination</span>}
        nativeSelectProps={{
          id: `${idPrefix}-site`,
          value: value.siteId,
          onChange: (e) => onChange({ siteId: e.target.value, teamId: '' }),
          name: 'siteId',
          required: true,
          'aria-required': true,
        }}
      >
        <option value="" disabled>
          Choisir un site
        </option>
        {sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </Select>
      {value.siteId ? (
        <TeamSelect
          id={`${idPrefix}-team`}
          teams={(teams.data?.items ?? []).filter((t) => t.siteId === value.siteId)}
          value={value.teamId}
          onChange={(teamId) => onChange({ ...value, teamId })}
        />
      ) : null}
    </>
  );
}

/** A responsable imports into their own site: only the team is chosen. */
function SiteTarget({ idPrefix, value, onChange }: TargetFieldsProps) {
  const teams = useSiteTeams();
  return (
    <TeamSelect
      id={`${idPrefix}-team`}
      teams={teams.data?.items ?? []}
      value={value.teamId}
      onChange={(teamId) => onChange({ ...value, teamId })}
    />
  );
}

interface TargetFieldsProps {
  idPrefix: string;
  value: ImportTarget;
  onChange: (v: ImportTarget) => void;
}

/**
 * Where an upload goes (docs/api.md, "Imports" and "RSA : flux CAF"): the administrator names the site (`sites`), the
 * responsable imports into their own (`sites` null); both may name the team given to the files created.
 */
export function TargetFields(props: TargetFieldsProps & { sites: { id: string; name: string }[] | null }) {
  return props.sites ? <AdminTarget {...props} sites={props.sites} /> : <SiteTarget {...props} />;
}

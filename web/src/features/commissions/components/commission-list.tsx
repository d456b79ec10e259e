import { Button } from '@codegouvfr/react-dsfr/Button';
import { COMMISSION_KINDS, type CommissionKind } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import { formatDate } from '../../../lib/format';
import { serverFieldErrors } from '../../../lib/form';
import { useSites } from '../../admin/api/get-sites';
import { useCreateCommission } from '../api/create-commission';
import { useCommissions } from '../api/get-commissions';

function SitePicker({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const sites = useSites();
  const options = [
    { value: '', label: 'Choisir un site' },
    ...(sites.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
  ];
  return (
    <SelectField
      name="siteId"
      label="Site"
      value={value}
      onChange={onChange}
      options={options}
      error={error}
      required
    />
  );
}

const LEVELS = [
  { value: 'site', label: 'Commission d’un site' },
  { value: 'ville', label: 'Commission FSL de la Ville de Paris (demandes FSL de tous les sites)' },
];

/**
 * Creates a session: the responsable's site; the administration chooses a site or opens the city-level FSL session
 * (docs/adr/012-aid-applications.md, "Who decides").
 */
function CreateForm({ chooseSite }: { chooseSite: boolean }) {
  const [sessionDate, setDate] = useState('');
  const [level, setLevel] = useState<'site' | 'ville'>('site');
  const [kind, setKind] = useState<CommissionKind>('ordinaire');
  const [territory, setTerritory] = useState('');
  const [siteId, setSiteId] = useState('');
  const mutation = useCreateCommission();
  const errors = serverFieldErrors(mutation.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({
      sessionDate,
      kind,
      territory: territory || undefined,
      siteId: chooseSite && level === 'site' ? siteId || undefined : undefined,
      level: chooseSite ? level : undefined,
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="nouvelle-commission" className="fr-mb-4w">
      <h2 id="nouvelle-commission" className="fr-h5">
        Nouvelle commission
      </h2>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-3">
          <TextField
            name="sessionDate"
            label="Date de la séance"
            type="date"
            value={sessionDate}
            onChange={setDate}
            error={errors.sessionDate}
            required
          />
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <SelectField
            name="kind"
            label="Type"
            value={kind}
            onChange={(v) => setKind(v as CommissionKind)}
            options={Object.entries(COMMISSION_KINDS).map(([value, label]) => ({ value, label }))}
            required
          />
        </div>
        {chooseSite ? (
          <div className="fr-col-12 fr-col-md-3">
            <SelectField
              name="level"
              label="Niveau"
              value={level}
              onChange={(v) => setLevel(v === 'ville' ? 'ville' : 'site')}
              options={LEVELS}
              error={errors.level}
              required
            />
          </div>
        ) : null}
        {chooseSite && level === 'site' ? (
          <div className="fr-col-12 fr-col-md-3">
            <SitePicker value={siteId} onChange={setSiteId} error={errors.siteId} />
          </div>
        ) : null}
        <div className="fr-col-12 fr-col-md-3">
          <TextField
            name="territory"
            label="Territoire (facultatif)"
            value={territory}
            onChange={setTerritory}
            error={errors.territory}
            maxLength={120}
          />
        </div>
      </div>
      <ErrorAlert error={mutation.error} title="La commission n’a pas été créée" />
      <Button type="submit" disabled={mutation.isPending}>
        Créer la commission
      </Button>
    </form>
  );
}

/** The sessions (newest first) and the form to create one. */
export function CommissionList({ chooseSite }: { chooseSite: boolean }) {
  const query = useCommissions();
  return (
    <>
      <CreateForm chooseSite={chooseSite} />
      <h2 className="fr-h5">Séances</h2>
      {query.isPending ? <Loading label="Chargement des commissions…" /> : null}
      <ErrorAlert error={query.error} title="Liste indisponible" />
      {query.data ? (
        <DataTable
          caption="Commissions"
          hideCaption
          headers={['Date', 'Type', 'Site', 'Demandes inscrites', 'Décisions', 'Statut']}
          empty="Aucune commission pour l’instant."
          rows={query.data.items.map((s) => ({
            key: s.id,
            cells: [
              <Link key="l" to={paths.commission.href(s.id)}>
                {formatDate(s.sessionDate)}
              </Link>,
              COMMISSION_KINDS[s.kind],
              [s.level === 'ville' ? 'Ville de Paris (FSL)' : s.siteName, s.territory].filter(Boolean).join(' — '),
              String(s.agendaCount),
              String(s.decidedCount),
              s.status === 'close' ? 'Close' : 'Ouverte',
            ],
          }))}
        />
      ) : null}
    </>
  );
}

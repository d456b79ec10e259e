import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { ParamVersion } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { TextField } from '../../../components/ui/text-field';
import { addDays, todayDay } from '../../../lib/dates';
import { formatDate } from '../../../lib/format';
import { useParameters, useSetParameter, type ParameterDto } from '../api/parameters';

type Period = 'past' | 'current' | 'future';
const PERIOD: Record<Period, { label: string; severity?: 'success' | 'new' }> = {
  past: { label: 'Passée' },
  current: { label: 'En vigueur', severity: 'success' },
  future: { label: 'Prévue', severity: 'new' },
};
const periodOf = (v: ParamVersion, today: string): Period =>
  v.validFrom > today ? 'future' : v.validTo !== null && v.validTo <= today ? 'past' : 'current';

/** One parameter: its versions (the past read-only), and the form that schedules or corrects a future value. */
function ParameterSection({ p, today }: { p: ParameterDto; today: string }) {
  const set = useSetParameter();
  const tomorrow = addDays(today, 1);
  const [value, setValue] = useState('');
  const [validFrom, setValidFrom] = useState(tomorrow);
  const [saved, setSaved] = useState(false);
  const titleId = `param-${p.name.replace(/\W/g, '-')}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    set.mutate({ name: p.name, value: Number(value), validFrom }, { onSuccess: () => setSaved(true) });
  };
  return (
    <section aria-labelledby={titleId} className="fr-mb-5w">
      <h3 id={titleId} className="fr-h5">
        {p.label}
      </h3>
      <p className="fr-text--sm">
        Valeur entre {p.min} et {p.max}. Sans version enregistrée, la valeur par défaut s’applique.
      </p>
      <DataTable
        caption={`Versions — ${p.label}`}
        hideCaption
        empty="Aucune version enregistrée : la valeur par défaut s’applique."
        headers={['Valeur', 'Du', 'Au (exclu)', 'Période', 'Actions']}
        rows={p.versions.map((v, i) => {
          const period = periodOf(v, today);
          return {
            key: v.id ?? String(i),
            cells: [
              String(v.value),
              formatDate(v.validFrom),
              v.validTo ? formatDate(v.validTo) : '—',
              <Badge key="b" small noIcon severity={PERIOD[period].severity}>
                {PERIOD[period].label}
              </Badge>,
              period === 'future' ? (
                <Button
                  key="a"
                  priority="tertiary"
                  size="small"
                  onClick={() => (setValue(String(v.value)), setValidFrom(v.validFrom), setSaved(false))}
                  nativeButtonProps={{ 'aria-label': `Modifier la valeur prévue du ${formatDate(v.validFrom)}` }}
                >
                  Modifier
                </Button>
              ) : (
                <span key="a" className="fr-text--sm">
                  Non modifiable
                </span>
              ),
            ],
          };
        })}
      />
      <form onSubmit={submit} className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom" noValidate>
        <div className="fr-col-12 fr-col-md-4">
          <TextField
            id={`${titleId}-value`}
            name="value"
            label="Nouvelle valeur"
            inputMode="numeric"
            value={value}
            onChange={setValue}
            required
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <TextField
            id={`${titleId}-from`}
            name="validFrom"
            type="date"
            label="À partir du"
            hint="Au plus tôt demain : le passé n’est jamais réécrit."
            value={validFrom}
            onChange={setValidFrom}
            required
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Button type="submit" disabled={set.isPending || !value}>
            Programmer cette valeur
          </Button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {saved ? <p className="fr-text--sm fr-mt-1w">Valeur programmée.</p> : null}
      </div>
      <ErrorAlert error={set.error} title="Valeur non programmée" titleAs="h4" />
    </section>
  );
}

/** Dated parameters (docs/architecture.md, "Parameters"): retention durations, statistics thresholds. */
export function ParametersTab() {
  const params = useParameters();
  if (params.error) return <ErrorAlert error={params.error} title="Paramètres indisponibles" titleAs="h2" />;
  if (params.isPending) return <Loading />;
  const today = todayDay();
  return (
    <>
      <h2 className="fr-h4">Paramètres datés</h2>
      <p className="fr-text--sm">
        Chaque valeur a une date d’effet. Une nouvelle valeur s’applique à partir d’un jour futur ; les décisions déjà
        prises gardent la valeur qu’elles ont utilisée.
      </p>
      {params.data.map((p) => (
        <ParameterSection key={p.name} p={p} today={today} />
      ))}
    </>
  );
}

import { Button } from '@codegouvfr/react-dsfr/Button';
import {
  ORGANISMES,
  ORGANISMES_BY_KIND,
  ORIENTATION_KINDS,
  ORIENTATION_STATES,
  type OrientationInput,
  type OrientationKind,
  type Organisme,
  type OrientationState,
  type RsaPersonDto,
} from '@jalon/core';
import { useState } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { DescriptionList } from '../../../components/ui/description-list';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api-client';
import { dash, formatDate, formatDateTime, today } from '../../../lib/format';
import { useOrient } from '../api/rsa';
import { labelsOf } from './options';

const ACTIONS: Record<OrientationState, string> = {
  demandee: 'Demander l’orientation',
  orientee: 'Décider l’orientation',
  reorientation_demandee: 'Demander une réorientation',
  non_orientee: 'Retirer la demande',
};

/** The delay from entry into droits et devoirs to the decision, against the target in force. */
function DelayBadge({ delay }: { delay: RsaPersonDto['orientation']['delay'] }) {
  if (!delay) return <>—</>;
  const weeks = Math.round(delay.targetDays / 7);
  const text = `${delay.days} jours (cible : ${weeks} semaines${delay.decided ? '' : `, échéance le ${formatDate(delay.dueOn)}`})`;
  return (
    <span>
      {text}{' '}
      {delay.late ? (
        <span className="fr-badge fr-badge--error fr-badge--sm">Hors délai</span>
      ) : (
        <span className="fr-badge fr-badge--success fr-badge--sm">Dans le délai</span>
      )}
    </span>
  );
}

/** The orientation workflow of one person: state, delay, decisions, history and the transitions allowed now. */
export function OrientationPanel({
  fileId,
  person,
  canWrite,
}: {
  fileId: string;
  person: RsaPersonDto;
  canWrite: boolean;
}) {
  const o = person.orientation;
  const orient = useOrient(fileId, person.memberId);
  const [to, setTo] = useState<OrientationState | ''>('');
  const [f, setF] = useState({ date: today(), notifiedOn: '', kind: '', organisme: '', reason: '', epReference: '' });
  const id = (k: string) => `rsa-${person.personId}-o-${k}`;
  const err = (k: string) => (isApiError(orient.error) ? orient.error.fields[k] : undefined);
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v, ...(k === 'kind' ? { organisme: '' } : {}) });
  const organismes = f.kind
    ? Object.fromEntries(ORGANISMES_BY_KIND[f.kind as OrientationKind].map((c) => [c, ORGANISMES[c]]))
    : {};
  const body = (): OrientationInput | null => {
    if (to === 'demandee') return { to, requestedOn: f.date, reason: f.reason || undefined };
    if (to === 'reorientation_demandee')
      return { to, requestedOn: f.date, reason: f.reason, epReference: f.epReference || undefined };
    if (to === 'orientee')
      return {
        to,
        kind: f.kind as OrientationKind,
        organisme: f.organisme as Organisme,
        decidedOn: f.date,
        notifiedOn: f.notifiedOn || null,
        reason: f.reason || undefined,
      };
    if (to === 'non_orientee') return { to, reason: f.reason };
    return null;
  };
  return (
    <section aria-labelledby={id('titre')} className="fr-mb-3w">
      <h5 id={id('titre')} className="fr-h6">
        Orientation
      </h5>
      <DescriptionList
        items={[
          ['Statut', o.state.label],
          ['Demandée le', formatDate(o.requestedOn)],
          ['Orientation', o.kind?.label ?? '—'],
          ['Organisme référent', o.organisme?.label ?? '—'],
          ['Décidée le', formatDate(o.decidedOn)],
          ['Notifiée le', formatDate(o.notifiedOn)],
          ['Délai d’orientation', <DelayBadge key="d" delay={o.delay} />],
          ['Contrat à signer avant le', formatDate(o.signatureDueOn)],
        ]}
      />
      {canWrite && o.allowed.length > 0 ? (
        <form
          className="fr-mt-2w"
          aria-label={`Orientation de ${person.name}`}
          onSubmit={(e) => {
            e.preventDefault();
            const b = body();
            if (b) orient.mutate(b, { onSuccess: () => setTo('') });
          }}
        >
          <SelectField
            name={id('to')}
            label="Étape suivante"
            value={to}
            onChange={(v) => setTo(v as OrientationState)}
            options={[{ value: '', label: 'Choisir' }, ...o.allowed.map((s) => ({ value: s, label: ACTIONS[s] }))]}
          />
          {to ? (
            <>
              {to !== 'non_orientee' ? (
                <TextField
                  name={id('date')}
                  type="date"
                  label={to === 'orientee' ? 'Date de la décision' : 'Date de la demande'}
                  value={f.date}
                  onChange={set('date')}
                  error={err('decidedOn') ?? err('requestedOn')}
                  required
                />
              ) : null}
              {to === 'orientee' ? (
                <>
                  <SelectField
                    name={id('kind')}
                    label="Type d’orientation"
                    value={f.kind}
                    onChange={set('kind')}
                    options={labelsOf(ORIENTATION_KINDS)}
                    error={err('kind')}
                    required
                  />
                  <SelectField
                    name={id('organisme')}
                    label="Organisme référent"
                    value={f.organisme}
                    onChange={set('organisme')}
                    options={labelsOf(organismes)}
                    error={err('organisme')}
                    required
                  />
                  <TextField
                    name={id('notifiedOn')}
                    type="date"
                    label="Date de notification à la personne"
                    hint="Le contrat d’engagement est à signer dans le mois qui suit."
                    value={f.notifiedOn}
                    onChange={set('notifiedOn')}
                    error={err('notifiedOn')}
                  />
                </>
              ) : null}
              {to === 'reorientation_demandee' ? (
                <TextField
                  name={id('ep')}
                  label="Référence de l’avis de l’équipe pluridisciplinaire"
                  value={f.epReference}
                  onChange={set('epReference')}
                  error={err('epReference')}
                />
              ) : null}
              <TextField
                name={id('reason')}
                label="Motif"
                textArea
                value={f.reason}
                onChange={set('reason')}
                error={err('reason')}
                required={to === 'reorientation_demandee' || to === 'non_orientee'}
              />
              <Button type="submit" disabled={orient.isPending}>
                {ACTIONS[to]}
              </Button>
            </>
          ) : null}
          <ErrorAlert error={orient.error} title="Orientation non enregistrée" titleAs="h4" />
        </form>
      ) : null}
      {o.history.length > 0 ? (
        <DataTable
          caption={`Historique de l’orientation de ${person.name}`}
          scrollLabel={`Historique de l’orientation de ${person.name}`}
          headers={['Date', 'Étape', 'Par', 'Motif']}
          rows={o.history.map((h, i) => ({
            key: `${h.at}-${i}`,
            cells: [
              formatDateTime(h.at),
              ORIENTATION_STATES[h.to as OrientationState] ?? '—',
              h.actorName,
              dash(h.reason),
            ],
          }))}
        />
      ) : null}
      {o.decisions.some((d) => d.reorientation) ? (
        <ul className="fr-text--sm">
          {o.decisions
            .filter((d) => d.reorientation)
            .map((d, i) => (
              <li key={i}>
                Réorientation du {formatDate(d.decidedOn)} vers {d.organisme.label}
                {d.epReference ? ` (avis de l’équipe pluridisciplinaire : ${d.epReference})` : ''}
              </li>
            ))}
        </ul>
      ) : null}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { TextField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { useCreateEpSession, useEpSession, useEpSessions, useEpTasks } from '../api/rsa-ep';
import { PassageCard } from './passage-card';

/** Plans a session: date, place, members by organisation (one per line "Organisme : Nom"), usager representatives. */
function SessionForm() {
  const create = useCreateEpSession();
  const [date, setDate] = useState('');
  const [place, setPlace] = useState('');
  const [members, setMembers] = useState('');
  const [representatives, setRepresentatives] = useState('');
  const fields = create.error instanceof ApiError ? create.error.fields : {};
  const lines = (s: string) =>
    s
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({
      date,
      place,
      members: lines(members).map((l) => {
        const [organisation, ...name] = l.split(':');
        return { organisation: (organisation ?? '').trim(), name: name.join(':').trim() };
      }),
      representatives: lines(representatives).map((name) => ({ name })),
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="planifier-ep" className="fr-mb-4w">
      <h2 id="planifier-ep" className="fr-h5">
        Planifier une séance
      </h2>
      {create.error ? <ErrorAlert error={create.error} title="Séance non enregistrée" titleAs="h3" /> : null}
      <TextField
        name="date"
        type="date"
        label="Date de la séance"
        required
        value={date}
        onChange={setDate}
        error={fields.date}
      />
      <TextField name="place" label="Lieu" value={place} onChange={setPlace} error={fields.place} />
      <TextField
        name="members"
        label="Membres (un par ligne, « Organisme : Nom »)"
        required
        textArea
        value={members}
        onChange={setMembers}
        error={fields.members ?? fields['members.0.name'] ?? fields['members.0.organisation']}
      />
      <TextField
        name="representatives"
        label="Représentants des allocataires (un par ligne)"
        textArea
        value={representatives}
        onChange={setRepresentatives}
      />
      <button type="submit" className="fr-btn" disabled={create.isPending}>
        Planifier la séance
      </button>
    </form>
  );
}

function SessionDetail({ id }: { id: string }) {
  const q = useEpSession(id);
  if (q.isPending) return <Loading label="Chargement de la séance…" />;
  if (q.error) return <ErrorAlert error={q.error} title="Séance indisponible" titleAs="h3" />;
  const s = q.data;
  return (
    <section aria-labelledby="seance-titre" className="fr-mt-4w">
      <h2 id="seance-titre" className="fr-h4">
        Séance du {formatDate(s.date)}
        {s.place ? ` — ${s.place}` : ''}
      </h2>
      <p className="fr-text--sm">
        Membres : {s.members.map((m) => `${m.name} (${m.organisation})`).join(', ')}
        {s.representatives.length
          ? ` · Représentants des allocataires : ${s.representatives.map((r) => r.name).join(', ')}`
          : ''}
      </p>
      {s.hidden > 0 ? (
        <p className="fr-text--sm">{s.hidden} autre(s) passage(s) de dossiers que vous ne suivez pas.</p>
      ) : null}
      {s.passages.length === 0 ? <p>Aucun passage visible pour cette séance.</p> : null}
      {s.passages.map((p) => (
        <PassageCard key={p.id} p={p} />
      ))}
    </section>
  );
}

/** The site's EP sessions, the task lists (EP to prepare, observations awaited) and the session's passages. */
export function EpSessionsPage({ canPlan }: { canPlan: boolean }) {
  const sessions = useEpSessions();
  const tasks = useEpTasks();
  const [shown, setShown] = useState<string | null>(null);
  return (
    <>
      {canPlan ? <SessionForm /> : null}
      <h2 className="fr-h5">Séances</h2>
      {sessions.error ? <ErrorAlert error={sessions.error} title="Séances indisponibles" titleAs="h3" /> : null}
      {sessions.isPending ? <Loading /> : null}
      <DataTable
        caption="Séances de l’équipe pluridisciplinaire"
        hideCaption
        empty="Aucune séance planifiée."
        headers={['Date', 'Lieu', 'Passages', 'Ouvrir']}
        rows={(sessions.data ?? []).map((s) => ({
          key: s.id,
          cells: [
            formatDate(s.date),
            s.place ?? '—',
            String(s.passageCount),
            <button key="o" type="button" className="fr-btn fr-btn--sm fr-btn--tertiary" onClick={() => setShown(s.id)}>
              Voir la séance du {formatDate(s.date)}
            </button>,
          ],
        }))}
      />
      <h2 className="fr-h5 fr-mt-4w">À faire</h2>
      {tasks.data ? (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <h3 className="fr-h6">EP à préparer</h3>
            {tasks.data.toPrepare.length === 0 ? <p className="fr-text--sm">Rien à préparer.</p> : null}
            <ul>
              {tasks.data.toPrepare.map((x) => (
                <li key={x.passageId}>
                  <Link to={`${paths.usager.href(x.caseFileId)}?onglet=rsa`}>{x.personName}</Link> — séance du{' '}
                  {formatDate(x.sessionDate)}
                </li>
              ))}
            </ul>
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <h3 className="fr-h6">Observations attendues</h3>
            {tasks.data.observationsAwaited.length === 0 ? (
              <p className="fr-text--sm">Aucune observation attendue.</p>
            ) : null}
            <ul>
              {tasks.data.observationsAwaited.map((x) => (
                <li key={x.passageId}>
                  <Link to={`${paths.usager.href(x.caseFileId)}?onglet=rsa`}>{x.personName}</Link> — jusqu’au{' '}
                  {formatDate(x.deadline)}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {shown ? <SessionDetail id={shown} /> : null}
    </>
  );
}

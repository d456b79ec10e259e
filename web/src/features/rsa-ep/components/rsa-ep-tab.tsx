import { EP_MOTIF_LABELS, EP_MOTIFS } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { useEpSessions, useFileEp, useInscribe } from '../api/rsa-ep';
import { PassageCard } from './passage-card';

/** Inscribes the file's person at a coming session of the site (réorientation or manquement). */
function InscribeForm({ fileId }: { fileId: string }) {
  const sessions = useEpSessions();
  const inscribe = useInscribe(fileId);
  const today = new Date().toISOString().slice(0, 10);
  const coming = (sessions.data ?? []).filter((s) => s.date >= today);
  const [sessionId, setSessionId] = useState('');
  const [motif, setMotif] = useState<string>('manquement');
  const [facts, setFacts] = useState('');
  const fields = inscribe.error instanceof ApiError ? inscribe.error.fields : {};
  if (sessions.isPending) return <Loading label="Chargement des séances…" />;
  if (coming.length === 0) return <p className="fr-text--sm">Aucune séance d’EP à venir sur votre site.</p>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    inscribe.mutate({ sessionId: sessionId || (coming[0]?.id ?? ''), motif, facts }, { onSuccess: () => setFacts('') });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="inscrire-ep" className="fr-mt-4w">
      <h3 id="inscrire-ep" className="fr-h5">
        Inscrire à une séance d’EP
      </h3>
      {inscribe.error ? <ErrorAlert error={inscribe.error} title="Inscription refusée" titleAs="h4" /> : null}
      <SelectField
        name="sessionId"
        label="Séance"
        value={sessionId || (coming[0]?.id ?? '')}
        onChange={setSessionId}
        options={coming.map((s) => ({ value: s.id, label: `${formatDate(s.date)}${s.place ? ` — ${s.place}` : ''}` }))}
        error={fields.sessionId}
      />
      <SelectField
        name="motif"
        label="Motif"
        value={motif}
        onChange={setMotif}
        options={EP_MOTIFS.map((m) => ({ value: m, label: EP_MOTIF_LABELS[m] }))}
      />
      <TextField
        name="facts"
        label="Exposé des faits"
        required
        textArea
        value={facts}
        onChange={setFacts}
        error={fields.facts}
      />
      <button type="submit" className="fr-btn fr-btn--secondary" disabled={inscribe.isPending}>
        Inscrire
      </button>
    </form>
  );
}

/** The file's RSA équipe pluridisciplinaire part: passages, sanctions, the inscription form (docs/api.md). */
export function RsaEpTab({ fileId, canInstruct }: { fileId: string; canInstruct: boolean }) {
  const q = useFileEp(fileId);
  if (q.isPending) return <Loading label="Chargement des passages en EP…" />;
  if (q.error) return <ErrorAlert error={q.error} title="Équipe pluridisciplinaire indisponible" titleAs="h3" />;
  return (
    <>
      <h3 className="fr-h5">Équipe pluridisciplinaire et sanctions</h3>
      {q.data.length === 0 ? <p className="fr-text--sm">Aucun passage en équipe pluridisciplinaire.</p> : null}
      {q.data.map((p) => (
        <PassageCard key={p.id} p={p} />
      ))}
      {canInstruct ? <InscribeForm fileId={fileId} /> : null}
    </>
  );
}

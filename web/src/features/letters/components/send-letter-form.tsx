import { useInfiniteQuery } from '@tanstack/react-query';
import { LETTER_CODES, SENDABLE_LETTER_CODES } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { formatDateTime } from '../../../lib/format';
import { documentHref } from '../../documents/api/documents';
import { timelineQuery } from '../../journal/api/get-timeline';
import { useSendLetter } from '../api/send-letter';

type SendableCode = (typeof SENDABLE_LETTER_CODES)[number];

/** Only the letters a worker sends from the file (an aid's notification comes from its commission). */
const TEMPLATES = [
  { value: '', label: 'Choisir un modèle' },
  ...SENDABLE_LETTER_CODES.map((value) => ({ value, label: LETTER_CODES[value] })),
];

/**
 * « Courrier » from the file: a template (the convocation names one of the file's appointments), a preview of the
 * convocation before it is kept, then the PDF generated, kept among the documents, shown in the page to print.
 */
export function SendLetterForm({ fileId }: { fileId: string }) {
  const [code, setCode] = useState<SendableCode | ''>('');
  const [entryId, setEntryId] = useState('');
  const send = useSendLetter(fileId);
  const convocation = code === 'convocation';
  const appointments = useInfiniteQuery({ ...timelineQuery(fileId, { type: 'rendez_vous' }), enabled: convocation });
  const options = convocation
    ? (appointments.data?.pages.flatMap((p) => p.items) ?? [])
        .filter((e) => e.type === 'rendez_vous')
        .map((e) => ({ value: e.id, label: `Rendez-vous du ${formatDateTime(e.occurredAt)}` }))
    : [];
  const ready = code !== '' && (!convocation || entryId !== '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!code) return;
    send.mutate({ templateCode: code, ...(convocation ? { entryId } : {}) });
  };
  return (
    <section aria-labelledby="courrier-titre" className="fr-mb-4w">
      <h3 id="courrier-titre" className="fr-h5">
        Courrier
      </h3>
      <form onSubmit={submit} noValidate>
        <SelectField
          id="courrier-modele"
          name="templateCode"
          label="Modèle de courrier"
          value={code}
          onChange={(v) => (setCode(v as SendableCode | ''), setEntryId(''), send.reset())}
          options={TEMPLATES}
        />
        {convocation ? (
          <SelectField
            id="courrier-rdv"
            name="entryId"
            label="Rendez-vous convoqué"
            value={entryId}
            onChange={setEntryId}
            options={[
              { value: '', label: options.length ? 'Choisir un rendez-vous' : 'Aucun rendez-vous' },
              ...options,
            ]}
          />
        ) : null}
        <div className="fr-btns-group fr-btns-group--inline-sm">
          {convocation && entryId ? (
            <a
              className="fr-btn fr-btn--secondary"
              href={`/api/appointments/${encodeURIComponent(entryId)}/convocation.pdf`}
              target="_blank"
              rel="noopener"
            >
              Aperçu (sans conserver)
            </a>
          ) : null}
          <button type="submit" className="fr-btn" disabled={!ready || send.isPending}>
            {send.isPending ? 'Génération…' : 'Générer le courrier (PDF)'}
          </button>
        </div>
      </form>
      <ErrorAlert error={send.error} title="Courrier non généré" titleAs="h4" />
      {send.data ? (
        <div role="status" className="fr-mt-2w">
          <p className="fr-text--sm">
            Courrier généré et conservé dans les documents du dossier (une convocation, sur son rendez-vous).{' '}
            <a className="fr-link" href={documentHref(send.data.documentId)} target="_blank" rel="noopener">
              Ouvrir le PDF pour l’imprimer
            </a>
          </p>
          <iframe
            src={documentHref(send.data.documentId)}
            title="Aperçu du courrier généré"
            className="jalon-document-preview"
          />
        </div>
      ) : null}
    </section>
  );
}

import {
  LEGAL_GROUNDS,
  SHAREABLE_CORE_SECTIONS,
  shareableSectionLabel,
  type ConsentDto,
  type LegalGround,
  type ShareableSection,
} from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api-client';
import { today } from '../../../lib/format';
import { useSections } from '../../sections/api/get-sections';
import { useCreateShare } from '../api/create-share';
import { RequiredFieldsNote } from '../../../components/ui/required-fields-note';

const GROUNDS = Object.entries(LEGAL_GROUNDS).map(([value, label]) => ({ value, label }));

/** Records a share: recipient, legal ground, the sections strictly necessary, date, whether the person was informed. */
export function ShareForm({ fileId, consents }: { fileId: string; consents: ConsentDto[] }) {
  const create = useCreateShare(fileId);
  const [recipientName, setRecipientName] = useState('');
  const [recipientOrganisation, setRecipientOrganisation] = useState('');
  const [legalGround, setLegalGround] = useState<LegalGround>('casf_l121_6_2');
  const [consentId, setConsentId] = useState('');
  const [sections, setSections] = useState<ShareableSection[]>([]);
  const [sharedDate, setSharedDate] = useState(today());
  const [personInformed, setPersonInformed] = useState('oui');
  const [notInformedReason, setNotInformedReason] = useState('');
  const fields = create.error instanceof ApiError ? create.error.fields : {};
  const valid = consents.filter((c) => !c.withdrawnDate);
  // Sensitive sections are offered only once opened on the file (the server refuses a closed one).
  const openSensitive = (useSections(fileId).data?.items ?? []).filter((i) => i.open).map((i) => i.section);

  const handleToggle = (s: ShareableSection, on: boolean) =>
    setSections((cur) => (on ? [...cur, s] : cur.filter((x) => x !== s)));
  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        recipientName: recipientName || null,
        recipientOrganisation,
        legalGround,
        sections,
        sharedDate,
        personInformed: personInformed === 'oui',
        notInformedReason: personInformed === 'oui' ? null : notInformedReason,
        ...(legalGround === 'consentement' && consentId ? { consentId } : {}),
      },
      {
        onSuccess: () => {
          setSections([]);
          setRecipientName('');
          setNotInformedReason('');
        },
      },
    );
  };

  return (
    <form onSubmit={handleSubmit} noValidate aria-labelledby="nouveau-partage">
      <h3 id="nouveau-partage" className="fr-h5">
        Enregistrer un partage
      </h3>
      <RequiredFieldsNote />
      {create.error ? <ErrorAlert error={create.error} title="Partage non enregistré" /> : null}
      <TextField
        name="recipientName"
        label="Destinataire (nom, fonction)"
        value={recipientName}
        onChange={setRecipientName}
        error={fields.recipientName}
      />
      <TextField
        name="recipientOrganisation"
        label="Organisme destinataire"
        required
        value={recipientOrganisation}
        onChange={setRecipientOrganisation}
        error={fields.recipientOrganisation}
      />
      <SelectField
        name="legalGround"
        label="Fondement du partage"
        required
        value={legalGround}
        onChange={(v) => setLegalGround(v as LegalGround)}
        options={GROUNDS}
        error={fields.legalGround}
      />
      {legalGround === 'consentement' ? (
        <SelectField
          name="consentId"
          label="Consentement écrit enregistré"
          required
          value={consentId}
          onChange={setConsentId}
          error={fields.consentId}
          options={[
            {
              value: '',
              label: valid.length ? 'Choisir un consentement' : 'Aucun consentement en cours : enregistrez-le d’abord',
            },
            ...valid.map((c) => ({
              value: c.id,
              label: `${c.purpose ?? '—'} — ${c.recipient ?? '—'} (${c.givenDate})`,
            })),
          ]}
        />
      ) : null}
      {/* DSFR fieldset: the hint inside the legend, each checkbox in its own element (they overlapped the hint). */}
      <fieldset className="fr-fieldset" aria-labelledby="sections-legend">
        <legend id="sections-legend" className="fr-fieldset__legend">
          Sections partagées (le strict nécessaire)
          <span id="sections-hint" className="fr-hint-text">
            L’extrait PDF ne contiendra que ces sections ; les notes du journal n’y figurent jamais.
          </span>
        </legend>
        {SHAREABLE_CORE_SECTIONS.map((s) => (
          <div key={s} className="fr-fieldset__element">
            <CheckboxField
              name="sections"
              id={`section-${s}`}
              value={s}
              label={shareableSectionLabel(s)}
              checked={sections.includes(s)}
              onChange={(on) => handleToggle(s, on)}
            />
          </div>
        ))}
        {openSensitive.map((s) => (
          <div key={s} className="fr-fieldset__element">
            <CheckboxField
              name="sections"
              id={`section-${s}`}
              value={s}
              label={`Section sensible : ${shareableSectionLabel(s)}`}
              checked={sections.includes(s)}
              onChange={(on) => handleToggle(s, on)}
            />
          </div>
        ))}
        {fields.sections ? <p className="fr-error-text fr-fieldset__element">{fields.sections}</p> : null}
      </fieldset>
      <TextField
        name="sharedDate"
        type="date"
        label="Date du partage"
        required
        value={sharedDate}
        onChange={setSharedDate}
        error={fields.sharedDate}
      />
      <SelectField
        name="personInformed"
        label="La personne a-t-elle été informée ?"
        required
        value={personInformed}
        onChange={setPersonInformed}
        options={[
          { value: 'oui', label: 'Oui' },
          { value: 'non', label: 'Non' },
        ]}
      />
      {personInformed === 'non' ? (
        <TextField
          name="notInformedReason"
          label="Pourquoi la personne n’a-t-elle pas été informée ?"
          required
          textArea
          value={notInformedReason}
          onChange={setNotInformedReason}
          error={fields.notInformedReason}
        />
      ) : null}
      <button type="submit" className="fr-btn" disabled={create.isPending}>
        Enregistrer le partage
      </button>
    </form>
  );
}

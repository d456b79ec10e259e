import { Button } from '@codegouvfr/react-dsfr/Button';
import { ETATDOSRSA, NATPF, ROLEPERS, SITPERSDEMRSA, type RsaBlockInput, type RsaPersonDto } from '@jalon/core';
import { useState } from 'react';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { DataTable } from '../../../components/ui/data-table';
import { DescriptionList } from '../../../components/ui/description-list';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api-client';
import { dash, formatDate, formatDateTime } from '../../../lib/format';
import { useSaveBlock } from '../api/rsa';
import { optionsOf } from './options';

const coded = (v: { code: string; label: string } | null) => (v ? `${v.code} – ${v.label}` : '—');

function formOf(p: RsaPersonDto): Record<keyof RsaBlockInput, string | boolean> {
  const b = p.block;
  return {
    etatdosrsa: b?.etatdosrsa?.code ?? '',
    natpf: b?.natpf?.code ?? '',
    toppersdrodevorsa: b?.toppersdrodevorsa ?? false,
    rolepers: b?.rolepers?.code ?? '',
    dateOuverture: b?.dateOuverture ?? '',
    numAllocataire: b?.numAllocataire ?? '',
    sitpersdemrsa: b?.sitpersdemrsa?.code ?? '',
    ddSince: b?.ddSince ?? '',
  };
}

/** The person's CAF block (codes with their French labels), its edit form and its dated history. */
export function BlockPanel({ fileId, person, canWrite }: { fileId: string; person: RsaPersonDto; canWrite: boolean }) {
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState(() => formOf(person));
  const save = useSaveBlock(fileId, person.memberId);
  const b = person.block;
  const id = (f: string) => `rsa-${person.personId}-${f}`;
  const err = (f: string) => (isApiError(save.error) ? save.error.fields[f] : undefined);
  const set = (f: keyof RsaBlockInput) => (v: string | boolean) => setForm({ ...form, [f]: v });
  const str = (f: keyof RsaBlockInput) => String(form[f]);
  return (
    <section aria-labelledby={id('bloc')} className="fr-mb-3w">
      <h5 id={id('bloc')} className="fr-h6">
        Droit RSA (données CAF)
      </h5>
      {b ? (
        <DescriptionList
          items={[
            ['État du droit', coded(b.etatdosrsa)],
            ['Nature de la prestation', coded(b.natpf)],
            ['Soumis aux droits et devoirs', b.toppersdrodevorsa ? 'Oui' : 'Non'],
            ['Entrée dans les droits et devoirs', formatDate(b.ddSince)],
            ['Rôle dans le foyer', coded(b.rolepers)],
            ['Date d’ouverture du droit', formatDate(b.dateOuverture)],
            ['N° allocataire', dash(b.numAllocataire)],
            ['Situation à la demande', coded(b.sitpersdemrsa)],
            ['Dernière mise à jour', `${formatDateTime(b.updatedAt)} (${b.origin.label})`],
          ]}
        />
      ) : (
        <p className="fr-text--sm">Aucune donnée RSA pour cette personne.</p>
      )}
      {canWrite && !editing ? (
        <Button priority="secondary" size="small" onClick={() => (setForm(formOf(person)), setEditing(true))}>
          Modifier le droit RSA
        </Button>
      ) : null}
      {editing ? (
        <form
          className="fr-mt-2w"
          onSubmit={(e) => {
            e.preventDefault();
            const body = { ...form, toppersdrodevorsa: Boolean(form.toppersdrodevorsa) } as unknown as RsaBlockInput;
            save.mutate(body, { onSuccess: () => setEditing(false) });
          }}
        >
          <SelectField
            name={id('etatdosrsa')}
            label="État du droit"
            value={str('etatdosrsa')}
            onChange={set('etatdosrsa')}
            options={optionsOf(ETATDOSRSA)}
            error={err('etatdosrsa')}
          />
          <SelectField
            name={id('natpf')}
            label="Nature de la prestation"
            value={str('natpf')}
            onChange={set('natpf')}
            options={optionsOf(NATPF)}
            error={err('natpf')}
          />
          <CheckboxField
            name={id('soumis')}
            label="Soumis aux droits et devoirs"
            checked={Boolean(form.toppersdrodevorsa)}
            onChange={set('toppersdrodevorsa')}
          />
          <TextField
            name={id('ddSince')}
            type="date"
            label="Entrée dans les droits et devoirs"
            value={str('ddSince')}
            onChange={set('ddSince')}
            error={err('ddSince')}
          />
          <SelectField
            name={id('rolepers')}
            label="Rôle dans le foyer"
            value={str('rolepers')}
            onChange={set('rolepers')}
            options={optionsOf(ROLEPERS)}
            error={err('rolepers')}
          />
          <TextField
            name={id('dateOuverture')}
            type="date"
            label="Date d’ouverture du droit"
            value={str('dateOuverture')}
            onChange={set('dateOuverture')}
            error={err('dateOuverture')}
          />
          <TextField
            name={id('numAllocataire')}
            label="N° allocataire"
            hint="7 chiffres"
            inputMode="numeric"
            value={str('numAllocataire')}
            onChange={set('numAllocataire')}
            error={err('numAllocataire')}
          />
          <SelectField
            name={id('sitpersdemrsa')}
            label="Situation à la demande"
            value={str('sitpersdemrsa')}
            onChange={set('sitpersdemrsa')}
            options={optionsOf(SITPERSDEMRSA)}
            error={err('sitpersdemrsa')}
          />
          <Button type="submit" disabled={save.isPending} className="fr-mr-2w">
            Enregistrer le droit RSA
          </Button>
          <Button type="button" priority="tertiary" onClick={() => setEditing(false)}>
            Annuler
          </Button>
          <ErrorAlert error={save.error} title="Droit RSA non enregistré" titleAs="h4" />
        </form>
      ) : null}
      {person.history.length > 0 ? (
        <DataTable
          caption={`Historique du droit RSA de ${person.name}`}
          scrollLabel={`Historique du droit RSA de ${person.name}`}
          headers={['Date', 'Origine', 'Par', 'Changements']}
          rows={person.history.map((h, i) => ({
            key: `${h.at}-${i}`,
            cells: [
              formatDateTime(h.at),
              h.origin.label,
              dash(h.actorName),
              h.changes.map((c) => `${c.label} : ${c.from ?? '—'} → ${c.to ?? '—'}`).join(' ; '),
            ],
          }))}
        />
      ) : null}
    </section>
  );
}

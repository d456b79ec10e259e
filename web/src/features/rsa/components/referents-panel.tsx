import { Button } from '@codegouvfr/react-dsfr/Button';
import type { RsaPersonDto } from '@jalon/core';
import { useState } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { dash, formatDate, today } from '../../../lib/format';
import { useSiteWorkers } from '../../journal/api/get-site-workers';
import { useSetRsaReferent } from '../api/rsa';

const KIND = { referent_unique: 'Référent unique RSA', france_travail: 'Référent France Travail' };

/** The référent unique RSA (may differ from the social référent) and the France Travail référent, with history. */
export function ReferentsPanel({
  fileId,
  person,
  canWrite,
}: {
  fileId: string;
  person: RsaPersonDto;
  canWrite: boolean;
}) {
  const workers = useSiteWorkers(canWrite);
  const setRef = useSetRsaReferent(fileId, person.memberId);
  const [kind, setKind] = useState<'' | 'referent_unique' | 'france_travail'>('');
  const [f, setF] = useState({ userId: '', partnerName: '', organisme: '', startOn: today() });
  const id = (k: string) => `rsa-${person.personId}-r-${k}`;
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  return (
    <section aria-labelledby={id('titre')} className="fr-mb-3w">
      <h5 id={id('titre')} className="fr-h6">
        Référents RSA
      </h5>
      <DataTable
        caption={`Référents RSA de ${person.name}`}
        scrollLabel={`Référents RSA de ${person.name}`}
        hideCaption
        empty="Aucun référent RSA désigné."
        headers={['Rôle', 'Nom', 'Organisme', 'Depuis le', 'Jusqu’au']}
        rows={person.referents.map((r, i) => ({
          key: `${r.kind}-${r.startOn}-${i}`,
          cells: [
            KIND[r.kind],
            r.name,
            dash(r.organisme),
            formatDate(r.startOn),
            r.endOn ? formatDate(r.endOn) : 'En cours',
          ],
        }))}
      />
      {canWrite ? (
        <form
          aria-label={`Désigner un référent RSA pour ${person.name}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (!kind) return;
            const body =
              kind === 'referent_unique'
                ? { kind, userId: f.userId, startOn: f.startOn }
                : { kind, partnerName: f.partnerName, organisme: f.organisme || null, startOn: f.startOn };
            setRef.mutate(body, { onSuccess: () => setKind('') });
          }}
        >
          <SelectField
            name={id('kind')}
            label="Désigner"
            value={kind}
            onChange={(v) => setKind(v as typeof kind)}
            options={[
              { value: '', label: 'Choisir' },
              ...Object.entries(KIND).map(([value, label]) => ({ value, label })),
            ]}
          />
          {kind === 'referent_unique' ? (
            <SelectField
              name={id('user')}
              label="Travailleur social"
              value={f.userId}
              onChange={set('userId')}
              required
              options={[
                { value: '', label: 'Choisir' },
                ...(workers.data?.items ?? []).map((w) => ({ value: w.id, label: w.displayName })),
              ]}
            />
          ) : null}
          {kind === 'france_travail' ? (
            <>
              <TextField
                name={id('partner')}
                label="Nom du référent France Travail"
                value={f.partnerName}
                onChange={set('partnerName')}
                required
              />
              <TextField name={id('agence')} label="Agence" value={f.organisme} onChange={set('organisme')} />
            </>
          ) : null}
          {kind ? (
            <>
              <TextField
                name={id('start')}
                type="date"
                label="À partir du"
                value={f.startOn}
                onChange={set('startOn')}
                required
              />
              <Button type="submit" disabled={setRef.isPending}>
                Désigner
              </Button>
            </>
          ) : null}
          <ErrorAlert error={setRef.error} title="Référent non enregistré" titleAs="h4" />
        </form>
      ) : null}
    </section>
  );
}

import { Button } from '@codegouvfr/react-dsfr/Button';
import type { HouseholdMemberDto, UsagerDto } from '@jalon/core';
import { useState } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { formatDate } from '../../../lib/format';
import { codedLabel, personName } from '../coded';
import { AddMemberForm } from './add-member-form';
import { EndMemberForm } from './end-member-form';

const START_REASONS: Record<string, string> = {
  arrivee: 'arrivée',
  naissance: 'naissance',
  ouverture: 'ouverture du dossier',
};
const END_REASONS: Record<string, string> = { depart: 'départ', deces: 'décès', autre: 'autre motif' };

const reasonOf = (labels: Record<string, string>, code: string | null) => (code ? (labels[code] ?? code) : '');

/** Current and past members of the household, and the forms to record arrivals and departures. */
export function HouseholdTab({ dto }: { dto: UsagerDto }) {
  const { data, can } = dto;
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<HouseholdMemberDto | null>(null);
  const members = data.full?.household.members ?? [];
  const current = members.filter((m) => !m.endDate);
  const past = members.filter((m) => m.endDate);
  const canEdit = can.updateSituation;

  return (
    <>
      <div className="fr-grid-row fr-grid-row--middle fr-mb-2w">
        <h2 className="fr-h4 fr-col fr-mb-0">Membres actuels du foyer</h2>
        {canEdit && !adding ? (
          <Button priority="secondary" size="small" iconId="fr-icon-user-add-line" onClick={() => setAdding(true)}>
            Ajouter une personne
          </Button>
        ) : null}
      </div>
      {adding ? <AddMemberForm usagerId={data.id} onDone={() => setAdding(false)} /> : null}
      {ending ? (
        <EndMemberForm
          key={ending.memberId}
          usagerId={data.id}
          memberId={ending.memberId}
          memberName={personName(ending)}
          onDone={() => setEnding(null)}
        />
      ) : null}
      <DataTable
        caption="Membres actuels du foyer"
        hideCaption
        empty="Aucun membre enregistré."
        headers={['Nom', 'Prénom(s)', 'Sexe', 'Date de naissance', 'Lien', 'Arrivée', ...(canEdit ? ['Action'] : [])]}
        rows={current.map((m) => ({
          key: m.memberId,
          cells: [
            (m.usedName || m.birthName).toUpperCase() + (m.usedName ? ` (né·e ${m.birthName.toUpperCase()})` : ''),
            m.firstNames,
            m.sex ? codedLabel('sexe', m.sex) : '—',
            formatDate(m.birthDate),
            codedLabel('lienPersonneReference', m.relationship),
            `${formatDate(m.startDate)} (${reasonOf(START_REASONS, m.startReason)})`,
            ...(canEdit
              ? [
                  <Button
                    key="end"
                    priority="tertiary"
                    size="small"
                    onClick={() => setEnding(m)}
                    nativeButtonProps={{ 'aria-label': `Enregistrer un départ : ${personName(m)}` }}
                  >
                    Enregistrer un départ
                  </Button>,
                ]
              : []),
          ],
        }))}
      />
      {past.length > 0 ? (
        <>
          <h2 className="fr-h4 fr-mt-5w">Anciens membres</h2>
          <DataTable
            caption="Anciens membres du foyer"
            hideCaption
            headers={['Nom', 'Prénom(s)', 'Date de naissance', 'Lien', 'Arrivée', 'Départ']}
            rows={past.map((m) => ({
              key: m.memberId,
              cells: [
                (m.usedName || m.birthName).toUpperCase(),
                m.firstNames,
                formatDate(m.birthDate),
                codedLabel('lienPersonneReference', m.relationship),
                formatDate(m.startDate),
                `${formatDate(m.endDate)} (${reasonOf(END_REASONS, m.endReason)})`,
              ],
            }))}
          />
        </>
      ) : null}
    </>
  );
}

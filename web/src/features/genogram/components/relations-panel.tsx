import {
  GENO_RELATIONS,
  OpenSectionInput,
  SECTION_OPEN_REASONS,
  type GenoRelation,
  type GenoRelationKind,
  type Genogram,
  type GenogramDto,
} from '@jalon/core';
import { useEffect, useState, type FormEvent } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { issuesToFields, serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { useGenogramRelations, useOpenGenogramRelations, useSaveGenogram } from '../api/genogram';

export const RELATION_LABELS: Record<GenoRelationKind, string> = {
  close: 'Proche',
  distant: 'Distante',
  conflictual: 'Conflictuelle',
  cutoff: 'Rupture',
  violence: 'Violence',
};
const REASONS = [
  { value: '', label: 'Choisir un motif' },
  ...Object.entries(SECTION_OPEN_REASONS).map(([value, label]) => ({ value, label })),
];

/** "Ouvrir" asks why, as for a sensitive section: a reason from the list and its precision (docs/security.md). */
function OpenRelationsForm({ fileId }: { fileId: string }) {
  const [reasonCode, setReasonCode] = useState('');
  const [reasonText, setReasonText] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const open = useOpenGenogramRelations(fileId);
  const errors = { ...serverFieldErrors(open.error), ...clientErrors };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = OpenSectionInput.safeParse({ reasonCode: reasonCode || undefined, reasonText });
    if (!parsed.success) return setClientErrors(issuesToFields(parsed.error.issues));
    setClientErrors({});
    open.mutate(parsed.data);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Ouvrir les relations" className="fr-p-3w fr-background-alt--grey">
      <p className="fr-text--sm">
        N’ouvrez les relations que si elles sont nécessaires à l’accompagnement. Le motif est enregistré dans le journal
        d’audit ; chaque lecture des relations est tracée.
      </p>
      <SelectField
        id="genogram-relations-reasonCode"
        name="reasonCode"
        label="Motif d’ouverture"
        value={reasonCode}
        onChange={setReasonCode}
        options={REASONS}
        error={errors.reasonCode}
        required
      />
      <TextField
        id="genogram-relations-reasonText"
        name="reasonText"
        label="Précision du motif"
        value={reasonText}
        onChange={setReasonText}
        error={errors.reasonText}
        required
        textArea
        maxLength={500}
      />
      <ErrorAlert error={open.error} title="Les relations n’ont pas été ouvertes" titleAs="h4" />
      <button type="submit" className="fr-btn" disabled={open.isPending}>
        Ouvrir les relations
      </button>
    </form>
  );
}

interface Props {
  fileId: string;
  dto: GenogramDto;
  /** The drawing being edited: relations link its persons, and are saved with it. */
  drawing: Genogram;
  onSaved: (dto: GenogramDto) => void;
  /** The lines as edited, for the drawing of the editor (never its exports). */
  onRelationsChange: (relations: GenoRelation[]) => void;
}

/**
 * The relationship lines (close, distant, conflictual, cut-off, violence): the genogram's sensitive part, closed by
 * default and opened with a reason (docs/api.md, Génogramme). Native selects and buttons: usable by keyboard alone.
 */
export function RelationsPanel({ fileId, dto, drawing, onSaved, onRelationsChange }: Props) {
  const isOpen = dto.relationsOpen !== null;
  const loaded = useGenogramRelations(fileId, isOpen);
  const save = useSaveGenogram(fileId);
  const [asking, setAsking] = useState(false);
  const [list, setList] = useState<GenoRelation[] | null>(null);
  const [pair, setPair] = useState({ a: '', b: '', kind: '' as GenoRelationKind | '' });
  useEffect(() => {
    if (loaded.data && list === null) setList(loaded.data);
  }, [loaded.data, list]);
  const name = (id: string) => drawing.persons.find((p) => p.id === id)?.label ?? id;
  const persons = [
    { value: '', label: 'Choisir' },
    ...drawing.persons.map((p) => ({ value: p.id, label: p.label ?? p.id })),
  ];
  const current = (list ?? []).filter(
    (r) => drawing.persons.some((p) => p.id === r.a) && drawing.persons.some((p) => p.id === r.b),
  );
  useEffect(() => {
    if (list !== null) onRelationsChange(current);
    // `current` is derived from these two: a new array at each render, not a change.
  }, [list, drawing]);
  const canAdd = pair.a && pair.b && pair.kind && pair.a !== pair.b;

  return (
    <section aria-labelledby="genogram-relations-title" className="fr-mt-4w">
      <h3 id="genogram-relations-title" className="fr-h5">
        Relations (partie sensible)
      </h3>
      {!isOpen && dto.version === 0 ? (
        <p className="fr-text--sm">Enregistrez d’abord le génogramme pour pouvoir en ouvrir les relations.</p>
      ) : null}
      {!isOpen && dto.version > 0 && !asking ? (
        <button type="button" className="fr-btn fr-btn--secondary" onClick={() => setAsking(true)}>
          Ouvrir les relations…
        </button>
      ) : null}
      {!isOpen && asking ? <OpenRelationsForm fileId={fileId} /> : null}
      {isOpen && loaded.error ? <ErrorAlert error={loaded.error} title="Relations indisponibles" titleAs="h4" /> : null}
      {isOpen && list ? (
        <>
          <DataTable
            caption="Relations du génogramme"
            hideCaption
            empty="Aucune relation renseignée."
            headers={['Entre', 'Et', 'Relation', 'Actions']}
            rows={current.map((r, i) => ({
              key: `${r.a}-${r.b}-${i}`,
              cells: [
                name(r.a),
                name(r.b),
                RELATION_LABELS[r.kind],
                <button
                  key="x"
                  type="button"
                  className="fr-btn fr-btn--sm fr-btn--tertiary"
                  onClick={() => setList(current.filter((x) => x !== r))}
                >
                  Retirer la relation entre {name(r.a)} et {name(r.b)}
                </button>,
              ],
            }))}
          />
          <fieldset className="fr-fieldset" aria-label="Nouvelle relation">
            <div className="fr-fieldset__element">
              <SelectField
                id="genogram-relation-a"
                name="a"
                label="Entre"
                value={pair.a}
                onChange={(a) => setPair({ ...pair, a })}
                options={persons}
              />
              <SelectField
                id="genogram-relation-b"
                name="b"
                label="Et"
                value={pair.b}
                onChange={(b) => setPair({ ...pair, b })}
                options={persons}
              />
              <SelectField
                id="genogram-relation-kind"
                name="kind"
                label="Relation"
                value={pair.kind}
                onChange={(kind) => setPair({ ...pair, kind: kind as GenoRelationKind })}
                options={[
                  { value: '', label: 'Choisir' },
                  ...GENO_RELATIONS.map((k) => ({ value: k, label: RELATION_LABELS[k] })),
                ]}
              />
            </div>
            <div className="fr-btns-group fr-btns-group--inline-sm">
              <button
                type="button"
                className="fr-btn fr-btn--secondary"
                disabled={!canAdd}
                onClick={() => {
                  if (!canAdd) return;
                  setList([...current, { a: pair.a, b: pair.b, kind: pair.kind as GenoRelationKind }]);
                  setPair({ a: '', b: '', kind: '' });
                }}
              >
                Ajouter la relation
              </button>
              <button
                type="button"
                className="fr-btn"
                disabled={save.isPending}
                onClick={() =>
                  save.mutate({ version: dto.version, data: drawing, relations: current }, { onSuccess: onSaved })
                }
              >
                Enregistrer les relations
              </button>
            </div>
          </fieldset>
          <div role="status" aria-live="polite">
            {save.isSuccess ? <p className="fr-text--sm">Relations enregistrées.</p> : null}
          </div>
          <ErrorAlert error={save.error} title="Relations non enregistrées" titleAs="h4" />
        </>
      ) : null}
    </section>
  );
}

import {
  GENO_UNION_TYPES,
  layoutGenogram,
  renderGenogramSvg,
  type GenoFiliationKind,
  type GenoRelation,
  type Genogram,
  type GenoUnionType,
  type HouseholdMemberDto,
} from '@jalon/core';
import { useEffect, useMemo, useState } from 'react';
import { isApiError } from '../../../lib/api-client';
import { useGenogram, useSaveGenogram } from '../api/genogram';
import { addChild, addPartner, addPerson, bringHousehold, removePerson, type PersonForm } from '../model';
import { PersonFields } from './person-fields';
import { RelationsPanel } from './relations-panel';

const UNION_LABELS: Record<GenoUnionType, string> = { mariage: 'Mariage', pacs: 'PACS', union_libre: 'Union libre' };
const FILIATION_LABELS: Record<GenoFiliationKind, string> = {
  biological: 'Biologique',
  adopted: 'Adoption',
  foster: 'Confié·e',
  placed: 'Placement',
};
const EMPTY: PersonForm = { label: '', sex: 'unknown', birthYear: '', deathYear: '', deceased: false, kind: 'person' };

function download(name: string, type: string, content: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([content], { type }));
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}

/** PDF: the browser's print dialog on the drawing alone (« Enregistrer au format PDF »). */
function printPdf(svg: string) {
  const w = window.open('', '_blank');
  if (!w) return;
  w.document.write(`<!doctype html><title>Génogramme</title><body style="margin:0">${svg}</body>`);
  w.document.close();
  w.print();
}

/**
 * The genogram editor (docs/api.md, Génogramme): the référents' working tool. Add a person, a partner or a child by
 * the forms; select a person by clicking the drawing or from the list (keyboard); undo; export SVG and PDF.
 */
export function GenogramTab({
  fileId,
  members,
  personId,
}: {
  fileId: string;
  members: HouseholdMemberDto[];
  personId: string;
}) {
  const query = useGenogram(fileId);
  const save = useSaveGenogram(fileId);
  const [history, setHistory] = useState<Genogram[]>([]);
  const [selected, setSelected] = useState<string>('');
  const [form, setForm] = useState<PersonForm>(EMPTY);
  const [unionType, setUnionType] = useState<GenoUnionType>('mariage');
  const [unionYear, setUnionYear] = useState('');
  const [filiation, setFiliation] = useState<GenoFiliationKind>('biological');
  const g = history[history.length - 1];
  useEffect(() => {
    if (query.data && history.length === 0) setHistory([query.data.data]);
  }, [query.data, history.length]);
  // The relationship lines once opened and read (null before): saved with the drawing, so that a person taken out
  // takes its lines along.
  const [relations, setRelations] = useState<GenoRelation[] | null>(null);
  const layout = useMemo(() => (g ? layoutGenogram(g) : null), [g]);
  // Exports leave the relationship lines out, like the server's SVG; the editor draws them once opened.
  const svg = useMemo(() => (g && layout ? renderGenogramSvg(g, layout) : ''), [g, layout]);
  const shown = useMemo(
    () => (g && layout && relations?.length ? renderGenogramSvg(g, layout, { relations }) : svg),
    [g, layout, relations, svg],
  );

  if (query.isError)
    return (
      <p className="fr-text--sm">
        {isApiError(query.error) && query.error.status === 404
          ? 'Le génogramme est réservé aux référents du dossier et à la personne qui l’a créé.'
          : 'Le génogramme n’a pas pu être chargé.'}
      </p>
    );
  if (!g || !query.data) return <p>Chargement du génogramme…</p>;
  const push = (next: Genogram) => (setHistory([...history, next]), setForm(EMPTY));
  const unionsOfSelected = g.unions.filter((u) => u.a === selected || u.b === selected);
  const name = (id: string) => g.persons.find((p) => p.id === id)?.label ?? id;

  return (
    <section aria-labelledby="genogram-title">
      <h2 id="genogram-title" className="fr-h4">
        Génogramme
      </h2>
      <p className="fr-text--sm">
        Outil de travail du référent, selon les conventions usuelles ; il reflète le récit de la personne et ne contient
        aucune donnée de santé.
      </p>
      <div className="fr-btns-group fr-btns-group--inline-sm">
        <button
          className="fr-btn fr-btn--secondary"
          type="button"
          onClick={() => push(bringHousehold(g, members, personId))}
        >
          Reprendre les membres du foyer
        </button>
        <button
          className="fr-btn fr-btn--tertiary"
          type="button"
          disabled={history.length < 2}
          onClick={() => setHistory(history.slice(0, -1))}
        >
          Annuler la dernière modification
        </button>
        <button
          className="fr-btn fr-btn--tertiary"
          type="button"
          onClick={() => download('genogramme.svg', 'image/svg+xml', svg)}
        >
          Exporter en SVG
        </button>
        <button className="fr-btn fr-btn--tertiary" type="button" onClick={() => printPdf(svg)}>
          Exporter en PDF
        </button>
        <button
          className="fr-btn"
          type="button"
          disabled={save.isPending || history.length < 2}
          onClick={() =>
            save.mutate(
              { version: query.data.version, data: g, ...(relations ? { relations } : {}) },
              { onSuccess: (dto) => setHistory([dto.data]) },
            )
          }
        >
          Enregistrer le génogramme
        </button>
      </div>
      {save.isError && (
        <p role="alert" className="fr-error-text">
          {save.error.message}
        </p>
      )}
      <div
        className="genogram-drawing"
        style={{ overflow: 'auto', border: '1px solid var(--border-default-grey)' }}
        onClick={(e) => {
          const id = (e.target as Element).closest('.geno-person')?.getAttribute('data-id');
          if (id) setSelected(id);
        }}
        dangerouslySetInnerHTML={{ __html: shown }}
      />
      <div className="fr-select-group">
        <label className="fr-label" htmlFor="genogram-selected">
          Personne sélectionnée (ou cliquez sur le dessin)
        </label>
        <select
          id="genogram-selected"
          className="fr-select"
          value={selected}
          onChange={(e) => setSelected(e.target.value)}
        >
          <option value="">— aucune —</option>
          {g.persons.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label ?? p.id}
            </option>
          ))}
        </select>
      </div>
      <PersonFields value={form} onChange={setForm} />
      <div className="fr-btns-group fr-btns-group--inline-sm">
        <button className="fr-btn fr-btn--secondary" type="button" onClick={() => push(addPerson(g, form))}>
          Ajouter une personne
        </button>
      </div>
      {selected && (
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Autour de {name(selected)}</legend>
          <label className="fr-label" htmlFor="genogram-union-type">
            Union
          </label>
          <select
            id="genogram-union-type"
            className="fr-select"
            value={unionType}
            onChange={(e) => setUnionType(e.target.value as GenoUnionType)}
          >
            {GENO_UNION_TYPES.map((t) => (
              <option key={t} value={t}>
                {UNION_LABELS[t]}
              </option>
            ))}
          </select>
          <label className="fr-label" htmlFor="genogram-union-year">
            Année de début
          </label>
          <input
            id="genogram-union-year"
            className="fr-input"
            inputMode="numeric"
            value={unionYear}
            onChange={(e) => setUnionYear(e.target.value)}
          />
          <button
            className="fr-btn fr-btn--secondary"
            type="button"
            onClick={() => push(addPartner(g, selected, form, unionType, unionYear))}
          >
            Ajouter comme partenaire
          </button>
          <label className="fr-label" htmlFor="genogram-filiation">
            Filiation
          </label>
          <select
            id="genogram-filiation"
            className="fr-select"
            value={filiation}
            onChange={(e) => setFiliation(e.target.value as GenoFiliationKind)}
          >
            {Object.entries(FILIATION_LABELS).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </select>
          {unionsOfSelected.map((u) => (
            <button
              key={u.id}
              className="fr-btn fr-btn--secondary"
              type="button"
              onClick={() => push(addChild(g, { union: u.id }, form, filiation))}
            >
              Ajouter un enfant avec {name(u.a === selected ? u.b : u.a)}
            </button>
          ))}
          <button
            className="fr-btn fr-btn--secondary"
            type="button"
            onClick={() => push(addChild(g, { parent: selected }, form, filiation))}
          >
            Ajouter un enfant (parent seul)
          </button>
          <button
            className="fr-btn fr-btn--tertiary"
            type="button"
            onClick={() => (push(removePerson(g, selected)), setSelected(''))}
          >
            Retirer {name(selected)}
          </button>
        </fieldset>
      )}
      <RelationsPanel
        fileId={fileId}
        dto={query.data}
        drawing={g}
        onSaved={(dto) => setHistory([dto.data])}
        onRelationsChange={setRelations}
      />
    </section>
  );
}

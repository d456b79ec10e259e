import { CODE_LISTS } from '@jalon/core';
import { DataTable } from '../../../components/ui/data-table';

/** The code lists of the usager file, read-only: the source codes are what exports and statistics use. */
export function CodeListsTab() {
  return (
    <>
      <h2 className="fr-h4">Listes de codes</h2>
      <p className="fr-text--sm">
        Ces listes suivent les nomenclatures nationales (INSEE, CAF) ; elles ne se modifient pas dans Jalon.
      </p>
      {Object.values(CODE_LISTS).map((list) => (
        <section key={list.id} aria-labelledby={`liste-${list.id}`} className="fr-mb-4w">
          <h3 id={`liste-${list.id}`} className="fr-h6">
            {list.label} <span className="fr-text--sm fr-text--regular">(source : {list.source})</span>
          </h3>
          <DataTable
            caption={`${list.label} — codes et libellés`}
            hideCaption
            headers={['Code', 'Libellé']}
            rows={list.entries.map((e) => ({ key: e.code, cells: [<code key="c">{e.code}</code>, e.label] }))}
          />
        </section>
      ))}
    </>
  );
}

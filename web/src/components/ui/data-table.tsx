import type { ReactNode } from 'react';

interface DataTableProps {
  caption: ReactNode;
  headers: ReactNode[];
  rows: { key: string; cells: ReactNode[] }[];
  /** Shown instead of an empty table. */
  empty?: ReactNode;
  hideCaption?: boolean;
  id?: string;
  /** A wide table that may scroll: its scrolling area takes the keyboard focus (arrow keys), named by this label. */
  scrollLabel?: string;
}

/** A DSFR table (1.12+ markup: it scrolls horizontally on small screens). */
export function DataTable({ caption, headers, rows, empty, hideCaption, id, scrollLabel }: DataTableProps) {
  if (rows.length === 0 && empty) return <p className="fr-text--sm">{empty}</p>;
  return (
    <div className={`fr-table${hideCaption ? ' fr-table--no-caption' : ''}`} id={id}>
      <div className="fr-table__wrapper">
        <div
          className="fr-table__container"
          {...(scrollLabel ? { tabIndex: 0, role: 'region', 'aria-label': scrollLabel } : {})}
        >
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {headers.map((h, i) => (
                    <th key={i} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    {r.cells.map((c, i) => (
                      <td key={i}>{c}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

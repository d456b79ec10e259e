import type { ReactNode } from 'react';

interface RsaTableProps {
  caption: string;
  headers: ReactNode[];
  rows: { key: string; cells: ReactNode[] }[];
  empty?: ReactNode;
  hideCaption?: boolean;
}

/**
 * The DSFR table of the RSA tab. Its tables (history, plan d'action) are wider than the tab on a laptop: the scrolling
 * container is focusable and named, so it scrolls from the keyboard (RGAA; axe `scrollable-region-focusable`).
 */
export function RsaTable({ caption, headers, rows, empty, hideCaption }: RsaTableProps) {
  if (rows.length === 0 && empty) return <p className="fr-text--sm">{empty}</p>;
  return (
    <div className={`fr-table${hideCaption ? ' fr-table--no-caption' : ''}`}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container" tabIndex={0} role="region" aria-label={caption}>
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

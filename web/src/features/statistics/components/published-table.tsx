import { publishedValueText, type PublishedTable, type PublishedValue } from '@jalon/core';

interface PublishedTableViewProps {
  caption: string;
  table: PublishedTable;
  labels: { rowVar: string | null; colVar: string; rows: Record<string, string>; cols: Record<string, string> };
}

const fr = (v: PublishedValue, threshold: number) => publishedValueText(v, threshold, (n) => n.toLocaleString('fr-FR'));

/** A published table as an HTML table: suppressed counts read "< 5" (or "< 11") and "secret", never a number. */
export function PublishedTableView({ caption, table, labels }: PublishedTableViewProps) {
  if (table.status === 'withheld')
    return (
      <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w">
        <p>
          {caption} : tableau non diffusé. {table.reason}
        </p>
      </div>
    );
  const t = table.threshold;
  const colLabel = (c: string) => labels.cols[c] ?? c;
  return (
    <div className="fr-table fr-table--no-caption fr-mb-2w jalon-stat-table">
      <table>
        <caption>{caption}</caption>
        {table.rowVar === null ? (
          <>
            <thead>
              <tr>
                <th scope="col">{labels.colVar}</th>
                <th scope="col" className="jalon-num">
                  Effectif
                </th>
              </tr>
            </thead>
            <tbody>
              {table.cols.map((c, j) => (
                <tr key={c}>
                  <th scope="row">{colLabel(c)}</th>
                  <td className="jalon-num">{fr(table.cells[0]![j]!, t)}</td>
                </tr>
              ))}
              <tr className="jalon-total">
                <th scope="row">Total</th>
                <td className="jalon-num">{fr(table.grandTotal, t)}</td>
              </tr>
            </tbody>
          </>
        ) : (
          <>
            <thead>
              <tr>
                <th scope="col">
                  {labels.rowVar} / {labels.colVar}
                </th>
                {table.cols.map((c) => (
                  <th key={c} scope="col" className="jalon-num">
                    {colLabel(c)}
                  </th>
                ))}
                <th scope="col" className="jalon-num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={r}>
                  <th scope="row">{labels.rows[r] ?? r}</th>
                  {table.cells[i]!.map((v, j) => (
                    <td key={table.cols[j]} className="jalon-num">
                      {fr(v, t)}
                    </td>
                  ))}
                  <td className="jalon-num">{fr(table.rowTotals[i]!, t)}</td>
                </tr>
              ))}
              <tr className="jalon-total">
                <th scope="row">Total</th>
                {table.colTotals.map((v, j) => (
                  <td key={table.cols[j]} className="jalon-num">
                    {fr(v, t)}
                  </td>
                ))}
                <td className="jalon-num">{fr(table.grandTotal, t)}</td>
              </tr>
            </tbody>
          </>
        )}
      </table>
      <p className="fr-text--xs fr-mt-1w">
        « &lt; {t} » : entre 1 et {t - 1} personnes, masqué (secret statistique). « secret » : masqué pour qu’aucun
        petit effectif ne puisse être recalculé à partir des totaux.
      </p>
    </div>
  );
}

import { isSuppressed, publishedValueText, type PublishedTable } from '@jalon/core';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

interface StatChartProps {
  title: string;
  table: PublishedTable;
  cols: Record<string, string>;
}

/**
 * Bars of a one-way published table (recharts). A hidden count has no bar, only its mark ("< 5", "secret"): the
 * chart never shows more than the table.
 */
export function StatChart({ title, table, cols }: StatChartProps) {
  if (table.status !== 'released' || table.rowVar !== null) return null;
  const data = table.cols.map((c, j) => {
    const v = table.cells[0]![j]!;
    return { name: cols[c] ?? c, value: isSuppressed(v) ? 0 : v, text: publishedValueText(v, table.threshold) };
  });
  return (
    <figure className="fr-mb-3w jalon-stat-chart" aria-label={title}>
      <div style={{ width: '100%', height: Math.max(180, data.length * 34) }}>
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ left: 16, right: 48, top: 8, bottom: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={220} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(_v, _n, item) => [(item.payload as { text: string }).text, 'Effectif']} />
            <Bar dataKey="value" fill="#000091" isAnimationActive={false}>
              <LabelList dataKey="text" position="right" style={{ fontSize: 12, fill: '#161616' }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="fr-text--xs">{title} (les effectifs masqués n’ont pas de barre).</figcaption>
    </figure>
  );
}

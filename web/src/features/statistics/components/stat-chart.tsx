import { isSuppressed, publishedValueText, type PublishedTable } from '@jalon/core';
import { BarChart, type BarChartData } from 'chartist';
import 'chartist/dist/index.css';
import { useEffect, useRef } from 'react';

interface StatChartProps {
  title: string;
  table: PublishedTable;
  cols: Record<string, string>;
}

/**
 * Bars of a one-way published table (Chartist: SVG, 13 KB gzip where recharts took 100 KB — the bundle budget).
 * A hidden count has no bar, only its mark ("< 5", "secret"): the chart never shows more than the table.
 */
export function StatChart({ title, table, cols }: StatChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const released = table.status === 'released' && table.rowVar === null;
  // Top to bottom in the table's order: Chartist draws the first category at the bottom, hence the reversal.
  const rows = released
    ? table.cols
        .map((c, j) => {
          const v = table.cells[0]![j]!;
          return { name: cols[c] ?? c, value: isSuppressed(v) ? 0 : v, text: publishedValueText(v, table.threshold) };
        })
        .reverse()
    : [];
  const height = Math.max(180, rows.length * 34);
  const key = JSON.stringify(rows);

  // Redrawn when the rows' content (key) or the height changes, not on each new `rows` array.
  useEffect(() => {
    if (!ref.current || !rows.length) return;
    const data: BarChartData = { labels: rows.map((r) => r.name), series: [rows.map((r) => r.value)] };
    const chart = new BarChart(ref.current, data, {
      horizontalBars: true,
      height: `${height}px`,
      axisX: { onlyInteger: true },
      axisY: { offset: 220 },
      chartPadding: { top: 8, right: 56, bottom: 8, left: 8 },
    });
    chart.on('draw', (e) => {
      if (e.type !== 'bar') return;
      e.element.attr({ style: 'stroke: #000091; stroke-width: 18px' });
      e.group.elem('text', { x: e.x2 + 6, y: e.y2 + 4 }, 'jalon-bar-label').text(rows[e.index]?.text ?? '');
    });
    return () => {
      chart.detach();
    };
  }, [key, height]);

  if (!released) return null;
  return (
    <figure className="fr-mb-3w jalon-stat-chart" aria-label={title}>
      <div ref={ref} style={{ width: '100%', height }} />
      <figcaption className="fr-text--xs">{title} (les effectifs masqués n’ont pas de barre).</figcaption>
    </figure>
  );
}

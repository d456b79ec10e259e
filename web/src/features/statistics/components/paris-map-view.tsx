import { isSuppressed, publishedValueText, type PublishedTable } from '@jalon/core';
import { ARRONDISSEMENT_SHAPES, MAP_VIEWBOX } from '../paris-map';

interface ParisMapProps {
  title: string;
  /** One-way table along the arrondissements (cols = "1"…"20", "0"). */
  table: PublishedTable;
}

const SHADES = ['#e3e3fd', '#cacafb', '#a1a1f8', '#6a6af4', '#000091'];

/** Choropleth of the 20 arrondissements; hidden counts are hatched and worded as in the table. */
export function ParisMapView({ title, table }: ParisMapProps) {
  const values = new Map<number, { n: number | null; text: string }>();
  if (table.status === 'released')
    table.cols.forEach((c, j) => {
      const v = table.cells[0]![j]!;
      values.set(Number(c), { n: isSuppressed(v) ? null : v, text: publishedValueText(v, table.threshold) });
    });
  const max = Math.max(1, ...[...values.values()].map((v) => v.n ?? 0));
  const fill = (n: number | null | undefined) =>
    n === null ? 'url(#jalon-hatch)' : !n ? '#f6f6f6' : SHADES[Math.min(4, Math.floor((n / max) * 5))]!;
  return (
    <figure className="fr-mb-3w jalon-map">
      <svg viewBox={MAP_VIEWBOX} role="img" aria-labelledby="jalon-map-title" style={{ width: '100%', maxWidth: 640 }}>
        <title id="jalon-map-title">{title}</title>
        <defs>
          <pattern id="jalon-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#eeeeee" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#929292" strokeWidth="2" />
          </pattern>
        </defs>
        {ARRONDISSEMENT_SHAPES.map((s) => {
          const v = values.get(s.n);
          return (
            <g key={s.n} className="jalon-map-arr" data-arrondissement={s.n}>
              <path d={s.path} fill={fill(v?.n)} stroke="#ffffff" strokeWidth={1.5}>
                <title>{`${s.n === 1 ? '1er' : `${s.n}e`} : ${v ? v.text : 'aucune donnée'}`}</title>
              </path>
              <text
                x={s.label[0]}
                y={s.label[1]}
                textAnchor="middle"
                fontSize={13}
                fill={v?.n && v.n > max * 0.6 ? '#ffffff' : '#161616'}
              >
                {s.n}
              </text>
              {v ? (
                <text
                  x={s.label[0]}
                  y={s.label[1] + 14}
                  textAnchor="middle"
                  fontSize={11}
                  fill={v.n && v.n > max * 0.6 ? '#ffffff' : '#161616'}
                >
                  {v.text}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="fr-text--xs">
        {title}. Carte schématique des 20 arrondissements ; hachuré : effectif masqué (secret statistique).
        {values.has(0) ? ` Hors Paris ou adresse non renseignée : ${values.get(0)!.text}.` : ''}
      </figcaption>
    </figure>
  );
}

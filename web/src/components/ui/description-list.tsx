import type { ReactNode } from 'react';

/** Label/value pairs of a read-only section (a `<dl>`, read in order by screen readers). */
export function DescriptionList({ items }: { items: [label: string, value: ReactNode][] }) {
  return (
    <dl className="jalon-dl">
      {items.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

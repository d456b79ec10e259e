import { useState } from 'react';
import { SelectField } from '../../../components/ui/select-field';
import { useMapTable, useStatisticsTable, type StatisticsParams } from '../api';
import { ParisMapView } from './paris-map-view';

/** A population indicator on the map of the arrondissements: all the usagers followed, or one category. */
export function MapSection({ params }: { params: StatisticsParams }) {
  const [category, setCategory] = useState('total');
  const base = useStatisticsTable({ ...params, groupBy: '', compare: false });
  const cols = base.data?.labels.cols ?? {};
  const selected = category === 'total' || cols[category] ? category : 'total';
  const map = useMapTable(params, selected, true);
  const label = selected === 'total' ? 'Usagers suivis' : `${base.data?.indicator.variable ?? ''} : ${cols[selected]}`;
  return (
    <section aria-labelledby="stat-carte" className="fr-mb-5w">
      <h2 id="stat-carte" className="fr-h4">
        Carte par arrondissement
      </h2>
      <SelectField
        name="mapCategory"
        label="Afficher"
        value={selected}
        onChange={setCategory}
        options={[
          { value: 'total', label: 'Tous les usagers suivis' },
          ...Object.entries(cols).map(([value, l]) => ({ value, label: l })),
        ]}
      />
      {map.data ? <ParisMapView title={`${label} par arrondissement`} table={map.data.table} /> : null}
    </section>
  );
}

import { PLACES, PLACE_LABELS, type Place } from '@jalon/core';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import type { FieldErrors } from '../../../lib/form';

export const PLACE_OPTIONS = [
  { value: '', label: 'Non précisé' },
  ...PLACES.map((p) => ({ value: p, label: PLACE_LABELS[p] })),
];

export interface WhenWhere {
  occurredAt: string;
  durationMinutes: string;
  place: Place | '';
}

interface Props {
  idPrefix: string;
  values: WhenWhere;
  onChange: (patch: Partial<WhenWhere>) => void;
  errors: FieldErrors;
  /** "Date et heure" by default; "Début" for an appointment. */
  dateLabel?: string;
}

/** Date and time, duration and place of an entry, on one row. */
export function WhenWhereFields({ idPrefix, values, onChange, errors, dateLabel = 'Date et heure' }: Props) {
  return (
    <div className="fr-grid-row fr-grid-row--gutters fr-mb-1w">
      <div className="fr-col-12 fr-col-md-5">
        <TextField
          id={`${idPrefix}-occurredAt`}
          name="occurredAt"
          type="datetime-local"
          label={dateLabel}
          required
          value={values.occurredAt}
          onChange={(v) => onChange({ occurredAt: v })}
          error={errors.occurredAt}
        />
      </div>
      <div className="fr-col-6 fr-col-md-3">
        <TextField
          id={`${idPrefix}-durationMinutes`}
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          label="Durée (minutes)"
          value={values.durationMinutes}
          onChange={(v) => onChange({ durationMinutes: v })}
          error={errors.durationMinutes}
        />
      </div>
      <div className="fr-col-6 fr-col-md-4">
        <SelectField
          id={`${idPrefix}-place`}
          name="place"
          label="Lieu"
          value={values.place}
          options={PLACE_OPTIONS}
          onChange={(v) => onChange({ place: v as Place | '' })}
          error={errors.place}
        />
      </div>
    </div>
  );
}

/** "45" → 45, "" → null, anything else → undefined (invalid). */
export const parseDuration = (s: string): number | null | undefined => {
  if (!s.trim()) return null;
  const n = Number(s);
  return Number.isInteger(n) && n >= 0 && n <= 24 * 60 ? n : undefined;
};

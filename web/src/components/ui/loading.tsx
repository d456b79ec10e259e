/** A polite, text-only loading state (no spinner to animate for users who reduce motion). */
export function Loading({ label = 'Chargement…' }: { label?: string }) {
  return (
    <p className="fr-text--sm" role="status" aria-live="polite">
      {label}
    </p>
  );
}

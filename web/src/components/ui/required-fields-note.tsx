/**
 * The DSFR convention for required fields, said before the form (docs/style-guide, forms): the asterisk after each
 * required label comes from the fields themselves (`.jalon-required`).
 */
export function RequiredFieldsNote({ children }: { children?: string }) {
  return (
    <p className="fr-text--sm jalon-required-note">
      Les champs marqués d’un astérisque (<span aria-hidden="true">*</span>
      <span className="fr-sr-only">astérisque</span>) sont obligatoires.{children ? ` ${children}` : ''}
    </p>
  );
}

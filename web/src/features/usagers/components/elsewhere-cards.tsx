import type { SearchResultDto } from '@jalon/core';
import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';

/**
 * "Connu·e sur un autre site": the name and the site only, never a link to the file itself; workers and responsables
 * may ask for a motivated access (docs/security.md, "Known elsewhere").
 */
export function ElsewhereCards({
  cards,
  paused,
  canBreakGlass,
  headingLevel = 'h2',
}: {
  cards: SearchResultDto['elsewhere'];
  /** Over the card budget: the cards are paused for a few minutes, the site's own results still show. */
  paused?: SearchResultDto['elsewherePaused'];
  canBreakGlass: boolean;
  headingLevel?: 'h2' | 'h3';
}) {
  if (paused && !cards.length)
    return (
      <p className="fr-text--sm fr-mt-3w jalon-elsewhere-paused" role="status">
        Les fiches « Connu·e sur un autre site » sont suspendues pendant {paused.minutes} minute
        {paused.minutes > 1 ? 's' : ''} : trop de fiches d’autres sites ont été affichées récemment. Les dossiers de
        votre site restent affichés.
      </p>
    );
  if (!cards.length) return null;
  const Heading = headingLevel;
  return (
    <div className="fr-mt-3w">
      <Heading className="fr-h5">Connu·e sur un autre site</Heading>
      <p className="fr-text--sm">
        Ces personnes sont suivies par un autre site : adressez-vous à ce site, leur dossier ne vous est pas accessible
        {canBreakGlass ? ' (sauf accès motivé, revu par le responsable du site et le DPO)' : ''}.
      </p>
      <ul className="jalon-elsewhere">
        {cards.map((p) => (
          <li key={p.caseFileId}>
            {p.displayName} — Connu·e à {p.siteName}{' '}
            {canBreakGlass ? (
              <Link className="fr-link fr-link--sm fr-ml-1w" to={paths.usager.href(p.caseFileId)}>
                Accès motivé
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

import { Button } from '@codegouvfr/react-dsfr/Button';
import type { DuplicateMatchesDto } from '@jalon/core';
import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { formatDate } from '../../../lib/format';
import { ElsewhereCards } from './elsewhere-cards';
import { StatusBadge } from './status-badge';

/**
 * Before a file is created: the likely matches (docs/security.md, "Duplicates"). On the site, a link to each file;
 * elsewhere, the "known elsewhere" card. Creating anyway is a deliberate, audited choice.
 */
export function DuplicateMatches({
  matches,
  canBreakGlass,
  pending,
  onConfirm,
  onCancel,
}: {
  matches: DuplicateMatchesDto;
  canBreakGlass: boolean;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="fr-alert fr-alert--warning fr-mb-3w" role="alert" aria-labelledby="doublons-titre">
      <h2 id="doublons-titre" className="fr-alert__title">
        Cette personne a peut-être déjà un dossier
      </h2>
      {matches.onSite.length > 0 ? (
        <>
          <p>Dossiers proches sur votre site : ouvrez-le plutôt que d’en créer un second.</p>
          <ul>
            {matches.onSite.map((f) => (
              <li key={f.id}>
                <Link to={paths.usager.href(f.id)}>
                  {f.displayName} — né·e le {formatDate(f.birthDate)} — dossier n° {f.fileNumber}
                </Link>{' '}
                <StatusBadge status={f.status} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ElsewhereCards
        cards={matches.elsewhere}
        paused={matches.elsewherePaused}
        canBreakGlass={canBreakGlass}
        headingLevel="h3"
      />
      <p className="fr-mt-2w">S’il s’agit d’une autre personne, vous pouvez créer le dossier : ce choix est tracé.</p>
      <div className="fr-btns-group fr-btns-group--inline-sm">
        <Button priority="secondary" onClick={onConfirm} disabled={pending}>
          {pending ? 'Création…' : 'Créer quand même'}
        </Button>
        <Button priority="tertiary" onClick={onCancel}>
          Revenir au formulaire
        </Button>
      </div>
    </div>
  );
}

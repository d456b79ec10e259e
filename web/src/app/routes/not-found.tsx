import { Link } from 'react-router-dom';
import { paths } from '../../config/paths';
import { useDocumentTitle } from '../../hooks/use-document-title';

/** Unknown address (also used for pages the role may not open). */
export function NotFoundRoute({ title = 'Page introuvable' }: { title?: string }) {
  useDocumentTitle(title);
  return (
    <div>
      <h1>{title}</h1>
      <p className="fr-text--lead">La page que vous cherchez n’existe pas ou ne vous est pas accessible.</p>
      <p>Si vous avez tapé l’adresse, vérifiez-la ; sinon revenez à l’accueil.</p>
      <Link className="fr-btn" to={paths.home.href()}>
        Retour à l’accueil
      </Link>
    </div>
  );
}

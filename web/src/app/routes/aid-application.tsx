import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useParams } from 'react-router-dom';
import { paths } from '../../config/paths';
import { ApplicationPage } from '../../features/aids/components/application-page';

/** /aides/:id — one aid application (reached from the file's "Budget et aides" tab). */
export function AidApplicationRoute() {
  const { id = '' } = useParams();
  return (
    <>
      <Breadcrumb
        currentPageLabel="Demande d’aide"
        segments={[{ label: 'Accueil', linkProps: { to: paths.home.href() } }]}
        className="fr-mt-0 fr-mb-2w"
      />
      <ApplicationPage key={id} id={id} />
    </>
  );
}

import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useParams } from 'react-router-dom';
import { paths } from '../../config/paths';
import { UsagerFile } from '../../features/usagers/components/usager-file';

/** /usagers/:id — the file page. */
export function UsagerRoute() {
  const { id = '' } = useParams();
  return (
    <>
      <Breadcrumb
        currentPageLabel="Dossier"
        segments={[{ label: 'Accueil', linkProps: { to: paths.home.href() } }]}
        className="fr-mt-0 fr-mb-2w"
      />
      <UsagerFile key={id} id={id} />
    </>
  );
}

import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { useRsa } from '../api/rsa';
import { BlockPanel } from './block-panel';
import { ContractsPanel } from './contracts-panel';
import { OrientationPanel } from './orientation-panel';
import { ReferentsPanel } from './referents-panel';

/**
 * The RSA tab of a file (docs/api.md, "RSA"): for each person of the household (the allocataire, the conjoint…), the
 * CAF block and its history, the orientation, the référents RSA and the contracts with their plan d'action.
 */
export function RsaTab({ fileId }: { fileId: string }) {
  const rsa = useRsa(fileId);
  if (rsa.isPending) return <Loading label="Chargement du suivi RSA…" />;
  if (rsa.error) return <ErrorAlert error={rsa.error} title="Suivi RSA indisponible" titleAs="h3" />;
  const { persons, can, params } = rsa.data;
  return (
    <>
      <h3 className="fr-h5">Suivi RSA</h3>
      {persons.map((p) => (
        <section key={p.personId} aria-labelledby={`rsa-${p.personId}`} className="fr-mb-5w">
          <h4 id={`rsa-${p.personId}`} className="fr-h6">
            {p.name}
            {p.principal ? ' (personne du dossier)' : ''}
          </h4>
          <BlockPanel key={p.block?.updatedAt ?? 'none'} fileId={fileId} person={p} canWrite={can.write} />
          <OrientationPanel fileId={fileId} person={p} canWrite={can.write} />
          <ReferentsPanel fileId={fileId} person={p} canWrite={can.write} />
          <ContractsPanel fileId={fileId} person={p} canWrite={can.write} minHours={params.minWeeklyHours} />
        </section>
      ))}
    </>
  );
}

import { SITE_PROFILES, SITE_PROFILE_IDS, type SiteProfile } from '@jalon/core';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useUpdateSiteProfile } from '../api/update-site-profile';
import type { SiteDto } from '../types';

const OPTIONS = SITE_PROFILE_IDS.map((p) => ({ value: p, label: SITE_PROFILES[p].label }));

/** Changes the site's profile at once (a plain select: keyboard-usable, saved on change). */
export function SiteProfileSelect({ site }: { site: SiteDto }) {
  const mutation = useUpdateSiteProfile();
  const id = `profil-${site.id}`;
  return (
    <div className="fr-select-group fr-mb-0">
      <label className="fr-label fr-sr-only" htmlFor={id}>
        Profil de minimisation du site {site.name}
      </label>
      <select
        id={id}
        className="fr-select"
        value={site.profile}
        disabled={mutation.isPending}
        onChange={(e) => mutation.mutate({ id: site.id, profile: e.target.value as SiteProfile })}
      >
        {OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorAlert error={mutation.error} title="Le profil n’a pas été changé" />
    </div>
  );
}

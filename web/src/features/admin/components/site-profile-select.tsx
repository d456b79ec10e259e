import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import {
  NON_COORDIN_FIELDS,
  SECTION_SHORT_LABELS,
  SITE_PROFILES,
  SITE_PROFILE_IDS,
  sectionsOfProfile,
  type SiteProfile,
} from '@jalon/core';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useUpdateSiteProfile } from '../api/update-site-profile';
import type { SiteDto } from '../types';

const OPTIONS = SITE_PROFILE_IDS.map((p) => ({ value: p, label: SITE_PROFILES[p].label }));
/** The usager fields only a `coordin` site leaves out, as a person names them. */
const COORDIN_FIELDS = 'n° CAF, identifiant France Travail, nationalité, activité CAF, nature du logement';
const list = (items: readonly string[]) => items.join(', ');

/** What moving a site from one profile to another hides and opens, in French (docs/security.md, minimisation). */
export function profileChange(from: SiteProfile, to: SiteProfile): { hides: string[]; opens: string[] } {
  const before = sectionsOfProfile(from);
  const after = sectionsOfProfile(to);
  const hides = before.filter((s) => !after.includes(s)).map((s) => `la section ${SECTION_SHORT_LABELS[s]}`);
  const opens = after.filter((s) => !before.includes(s)).map((s) => `la section ${SECTION_SHORT_LABELS[s]}`);
  if (to === 'coordin' && from !== 'coordin' && NON_COORDIN_FIELDS.length) hides.push(`les champs ${COORDIN_FIELDS}`);
  if (from === 'coordin' && to !== 'coordin') opens.push(`les champs ${COORDIN_FIELDS}`);
  return { hides, opens };
}

/**
 * The site's minimisation profile: choosing another one asks for confirmation, saying what it hides and what it opens
 * on the site's files; the change is acknowledged once saved.
 */
export function SiteProfileSelect({ site }: { site: SiteDto }) {
  const mutation = useUpdateSiteProfile();
  const [pending, setPending] = useState<SiteProfile | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const id = `profil-${site.id}`;
  const change = pending ? profileChange(site.profile, pending) : null;

  const confirm = () => {
    if (!pending) return;
    mutation.mutate(
      { id: site.id, profile: pending },
      {
        onSuccess: () => {
          setDone(`Profil du site ${site.name} changé : ${SITE_PROFILES[pending].label}.`);
          setPending(null);
        },
      },
    );
  };

  return (
    <div className="fr-select-group fr-mb-0">
      <label className="fr-label fr-sr-only" htmlFor={id}>
        Profil de minimisation du site {site.name}
      </label>
      <select
        id={id}
        className="fr-select"
        value={pending ?? site.profile}
        disabled={mutation.isPending}
        onChange={(e) => {
          const next = e.target.value as SiteProfile;
          setDone(null);
          setPending(next === site.profile ? null : next);
        }}
      >
        {OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {pending && change ? (
        <div role="alertdialog" aria-labelledby={`${id}-confirmer`} className="fr-mt-1w">
          <p id={`${id}-confirmer`} className="fr-text--sm fr-mb-1w">
            <strong>Changer le profil de {site.name} ?</strong>{' '}
            {change.hides.length ? `Masque sur tous les dossiers du site : ${list(change.hides)}. ` : ''}
            {change.opens.length ? `Ouvre : ${list(change.opens)}. ` : ''}
            {!change.hides.length && !change.opens.length ? 'Aucune section ni aucun champ ne change.' : ''}
          </p>
          <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
            <Button size="small" onClick={confirm} disabled={mutation.isPending}>
              Confirmer le changement
            </Button>
            <Button size="small" priority="secondary" onClick={() => setPending(null)}>
              Annuler
            </Button>
          </div>
        </div>
      ) : null}
      <div role="status" aria-live="polite">
        {done ? <Alert small severity="success" description={done} className="fr-mt-1w" /> : null}
      </div>
      <ErrorAlert error={mutation.error} title="Le profil n’a pas été changé" />
    </div>
  );
}

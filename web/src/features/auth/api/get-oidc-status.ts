import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Whether "Se connecter avec ProConnect" is offered (the server has an OpenID Connect provider configured). */
export const getOidcStatus = () => api.get<{ enabled: boolean }>('/auth/oidc');

export const useOidcStatus = () =>
  useQuery(queryOptions({ queryKey: ['auth', 'oidc'], queryFn: getOidcStatus, staleTime: Infinity }));

/** Where the browser goes to log in with ProConnect (a navigation, not a fetch). */
export const OIDC_START_URL = '/api/auth/oidc/start';

/** French messages of the `?erreur=` codes the ProConnect callback sends back to the login page. */
export const OIDC_ERRORS: Record<string, string> = {
  oidc_state: 'La connexion avec ProConnect n’a pas été demandée depuis ce navigateur ou a déjà servi : recommencez.',
  oidc_expired: 'La connexion avec ProConnect a expiré : recommencez.',
  oidc_refused: 'La connexion a été annulée sur ProConnect.',
  oidc_failed:
    'ProConnect n’a pas pu confirmer votre identité : recommencez ou connectez-vous avec votre mot de passe.',
  oidc_no_email: 'ProConnect n’a pas transmis votre adresse électronique : connectez-vous avec votre mot de passe.',
  oidc_unknown_account:
    'Aucun compte Jalon actif ne correspond à votre adresse électronique ProConnect : contactez l’administrateur fonctionnel.',
  oidc_second_factor:
    'Ce compte utilise la double authentification : connectez-vous avec votre mot de passe et votre code.',
  oidc_unavailable:
    'ProConnect est momentanément indisponible : connectez-vous avec votre mot de passe ou réessayez plus tard.',
  too_many_attempts:
    'Trop de tentatives de connexion depuis votre poste : patientez quelques minutes avant de réessayer.',
  account_locked:
    'Compte verrouillé après 5 tentatives infructueuses : réessayez dans 15 minutes ou contactez votre administrateur.',
};

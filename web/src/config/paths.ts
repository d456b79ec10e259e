/** Every route pattern of the web app, with its builder: links never spell a URL by hand. */
export const paths = {
  home: { pattern: '/', href: () => '/' },
  login: {
    pattern: '/connexion',
    href: (returnTo?: string) => (returnTo && returnTo !== '/' ? `/connexion?retour=${encodeURIComponent(returnTo)}` : '/connexion'),
  },
  setup: { pattern: '/installation', href: () => '/installation' },
  password: { pattern: '/mot-de-passe', href: () => '/mot-de-passe' },
  usagerNew: { pattern: '/usagers/nouveau', href: () => '/usagers/nouveau' },
  usager: { pattern: '/usagers/:id', href: (id: string) => `/usagers/${encodeURIComponent(id)}` },
  admin: { pattern: '/admin', href: () => '/admin' },
  dpo: { pattern: '/dpo', href: () => '/dpo' },
} as const;

/** Only same-site paths are accepted as a return target after login (no open redirect). */
export const safeReturnPath = (value: string | null): string => {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/connexion')) return paths.home.href();
  return value;
};

/** Every route pattern of the web app, with its builder: links never spell a URL by hand. */
export const paths = {
  home: { pattern: '/', href: () => '/' },
  login: {
    pattern: '/connexion',
    href: (returnTo?: string) =>
      returnTo && returnTo !== '/' ? `/connexion?retour=${encodeURIComponent(returnTo)}` : '/connexion',
  },
  setup: { pattern: '/installation', href: () => '/installation' },
  password: { pattern: '/mot-de-passe', href: () => '/mot-de-passe' },
  secondFactor: { pattern: '/double-authentification', href: () => '/double-authentification' },
  usagerNew: { pattern: '/usagers/nouveau', href: () => '/usagers/nouveau' },
  usager: { pattern: '/usagers/:id', href: (id: string) => `/usagers/${encodeURIComponent(id)}` },
  usagerJournal: { href: (id: string) => `/usagers/${encodeURIComponent(id)}?onglet=journal` },
  agenda: {
    pattern: '/agenda',
    href: (p: { vue?: 'semaine' | 'jour'; date?: string; pro?: string } = {}) => {
      const q = new URLSearchParams(Object.entries(p).filter((e): e is [string, string] => Boolean(e[1])));
      return q.size ? `/agenda?${q.toString()}` : '/agenda';
    },
  },
  agendaPrint: {
    pattern: '/agenda/jour/:date/impression',
    href: (date: string, pro?: string) =>
      `/agenda/jour/${date}/impression${pro ? `?pro=${encodeURIComponent(pro)}` : ''}`,
  },
  admin: { pattern: '/admin', href: () => '/admin' },
  dpo: { pattern: '/dpo', href: () => '/dpo' },
  statistics: { pattern: '/statistiques', href: () => '/statistiques' },
  breakGlass: { pattern: '/acces-motives', href: () => '/acces-motives' },
  aidApplication: { pattern: '/aides/:id', href: (id: string) => `/aides/${encodeURIComponent(id)}` },
  commissions: { pattern: '/commissions', href: () => '/commissions' },
  commission: { pattern: '/commissions/:id', href: (id: string) => `/commissions/${encodeURIComponent(id)}` },
  rsaEp: { pattern: '/rsa/equipes-pluridisciplinaires', href: () => '/rsa/equipes-pluridisciplinaires' },
  rsaFlux: {
    pattern: '/rsa/flux-caf',
    href: (importId?: string) => (importId ? `/rsa/flux-caf?flux=${encodeURIComponent(importId)}` : '/rsa/flux-caf'),
  },
  /** With an import's id, the page opens it (its review, its commit, its report). */
  imports: {
    pattern: '/imports',
    href: (importId?: string) => (importId ? `/imports?import=${encodeURIComponent(importId)}` : '/imports'),
  },
} as const;

/** Only same-site paths are accepted as a return target after login (no open redirect). */
export const safeReturnPath = (value: string | null): string => {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/connexion'))
    return paths.home.href();
  return value;
};

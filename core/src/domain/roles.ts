/** The five roles of Jalon. Admin and DPO roles never see usager content. */
export const ROLES = ['travailleur_social', 'secretaire', 'responsable', 'admin_fonctionnel', 'dpo'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  travailleur_social: 'Travailleur·se social·e',
  secretaire: 'Secrétaire médico-social·e',
  responsable: 'Responsable de site',
  admin_fonctionnel: 'Administrateur·rice fonctionnel·le',
  dpo: 'Délégué·e à la protection des données',
};

/** Roles that work with usager files on a site. */
export const SITE_ROLES: readonly Role[] = ['travailleur_social', 'secretaire', 'responsable'];

export const SITE_KINDS = ['EPS', 'PSA'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

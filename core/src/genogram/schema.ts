import { z } from 'zod';
import { hasNoControlChars, Uuid } from '../schemas/common.js';

/**
 * The genogram of a file (docs/domain.md §8, McGoldrick conventions): a working tool of the référent, structure and
 * years only — no health annotation. Identifiers are local to the drawing (short strings chosen by the editor); a
 * person may point at a person of the file (`personId`), need not.
 */
export const GENO_SEXES = ['male', 'female', 'unknown', 'other'] as const;
export const GENO_KINDS = ['person', 'pregnancy', 'miscarriage'] as const;
export const GENO_UNION_TYPES = ['mariage', 'pacs', 'union_libre'] as const;
export const GENO_FILIATIONS = ['biological', 'adopted', 'foster', 'placed'] as const;
export const GENO_RELATIONS = ['close', 'distant', 'conflictual', 'cutoff', 'violence'] as const;
export type GenoSex = (typeof GENO_SEXES)[number];
export type GenoUnionType = (typeof GENO_UNION_TYPES)[number];
export type GenoFiliationKind = (typeof GENO_FILIATIONS)[number];
export type GenoRelationKind = (typeof GENO_RELATIONS)[number];

/** At most this many persons in one drawing (a family map, not a register). */
export const GENO_MAX_PERSONS = 200;

const LocalId = z
  .string({ error: 'Identifiant : texte attendu' })
  .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: 'Identifiant invalide : lettres, chiffres, - et _, 40 au plus' });
const Year = z
  .number({ error: 'Année attendue' })
  .int({ error: 'L’année doit être un nombre entier' })
  .min(1850, { error: 'Année postérieure à 1850 attendue' })
  .max(2100, { error: 'Année antérieure à 2100 attendue' });
const Label = z
  .string({ error: 'Le texte est attendu' })
  .trim()
  .max(80, { error: '80 caractères au plus' })
  .refine(hasNoControlChars, { error: 'Caractères de contrôle refusés' });

export const GenoPerson = z.strictObject({
  id: LocalId,
  label: Label.optional(),
  sex: z.enum(GENO_SEXES, { error: 'Sexe : masculin, féminin, inconnu ou autre' }),
  kind: z.enum(GENO_KINDS, { error: 'Nature : personne, grossesse ou fausse couche' }).default('person'),
  birthYear: Year.optional(),
  deathYear: Year.optional(),
  deceased: z.boolean({ error: 'Décédé : oui ou non attendu' }).default(false),
  index: z.boolean({ error: 'Personne index : oui ou non attendu' }).default(false),
  /** A person of the file (household member, …) this symbol stands for, if any. */
  personId: Uuid.optional(),
});
export type GenoPerson = z.infer<typeof GenoPerson>;

export const GenoUnion = z.strictObject({
  id: LocalId,
  a: LocalId,
  b: LocalId,
  type: z.enum(GENO_UNION_TYPES, { error: 'Union : mariage, PACS ou union libre' }),
  startYear: Year.optional(),
  separationYear: Year.optional(),
  divorceYear: Year.optional(),
});
export type GenoUnion = z.infer<typeof GenoUnion>;

/** A child of a union, or of one parent alone (`parent`). */
export const GenoFiliation = z.strictObject({
  child: LocalId,
  union: LocalId.optional(),
  parent: LocalId.optional(),
  kind: z.enum(GENO_FILIATIONS, { error: 'Filiation : biologique, adoptive, confiée ou placement' }),
});
export type GenoFiliation = z.infer<typeof GenoFiliation>;

export const GenoTwins = z.strictObject({
  members: z.array(LocalId).min(2, { error: 'Des jumeaux : deux personnes au moins' }).max(4),
  identical: z.boolean({ error: 'Monozygotes : oui ou non attendu' }).default(false),
});
export const GenoHousehold = z.strictObject({
  members: z.array(LocalId).min(1, { error: 'Foyer : une personne au moins' }).max(GENO_MAX_PERSONS),
});

/** The relationship lines: the sensitive part, stored apart and opened with a reason (docs/security.md, Génogramme). */
export const GenoRelation = z.strictObject({
  a: LocalId,
  b: LocalId,
  kind: z.enum(GENO_RELATIONS, { error: 'Relation : proche, distante, conflictuelle, rupture ou violence' }),
});
export type GenoRelation = z.infer<typeof GenoRelation>;

const GenogramShape = z.strictObject({
  persons: z.array(GenoPerson).max(GENO_MAX_PERSONS, { error: `${GENO_MAX_PERSONS} personnes au plus` }),
  unions: z.array(GenoUnion).max(GENO_MAX_PERSONS).default([]),
  filiations: z
    .array(GenoFiliation)
    .max(GENO_MAX_PERSONS * 2)
    .default([]),
  twins: z.array(GenoTwins).max(GENO_MAX_PERSONS).default([]),
  households: z.array(GenoHousehold).max(20).default([]),
});

type Issue = { message: string; path: (string | number)[] };

/** Cross-references: unique ids, known persons, years in order, nobody their own ancestor. */
export function genogramIssues(g: z.infer<typeof GenogramShape>): Issue[] {
  const issues: Issue[] = [];
  const ids = new Set<string>();
  g.persons.forEach((p, i) => {
    if (ids.has(p.id)) issues.push({ message: 'Identifiant de personne en double', path: ['persons', i, 'id'] });
    ids.add(p.id);
    if (p.birthYear && p.deathYear && p.deathYear < p.birthYear)
      issues.push({ message: 'L’année de décès précède l’année de naissance', path: ['persons', i, 'deathYear'] });
  });
  const known = (id: string, path: Issue['path']) =>
    ids.has(id) || issues.push({ message: 'Personne inconnue dans le génogramme', path });
  const unionIds = new Set<string>();
  g.unions.forEach((u, i) => {
    if (unionIds.has(u.id) || ids.has(u.id))
      issues.push({ message: 'Identifiant d’union en double', path: ['unions', i, 'id'] });
    unionIds.add(u.id);
    known(u.a, ['unions', i, 'a']);
    known(u.b, ['unions', i, 'b']);
    if (u.a === u.b) issues.push({ message: 'Une union lie deux personnes différentes', path: ['unions', i, 'b'] });
    if (u.separationYear && u.startYear && u.separationYear < u.startYear)
      issues.push({ message: 'La séparation précède le début de l’union', path: ['unions', i, 'separationYear'] });
  });
  const childOf = new Set<string>();
  g.filiations.forEach((f, i) => {
    known(f.child, ['filiations', i, 'child']);
    if ((f.union === undefined) === (f.parent === undefined))
      issues.push({ message: 'Une filiation part d’une union ou d’un parent seul', path: ['filiations', i] });
    if (f.union !== undefined && !unionIds.has(f.union))
      issues.push({ message: 'Union inconnue dans le génogramme', path: ['filiations', i, 'union'] });
    if (f.parent !== undefined) known(f.parent, ['filiations', i, 'parent']);
    if (childOf.has(f.child))
      issues.push({ message: 'Cette personne a déjà ses parents', path: ['filiations', i, 'child'] });
    childOf.add(f.child);
  });
  g.twins.forEach((t, i) => t.members.forEach((m, j) => known(m, ['twins', i, 'members', j])));
  g.households.forEach((h, i) => h.members.forEach((m, j) => known(m, ['households', i, 'members', j])));
  if (issues.length === 0 && hasAncestryCycle(g))
    issues.push({ message: 'Une personne ne peut pas être sa propre ascendante', path: ['filiations'] });
  return issues;
}

/** The parents of each person (through a union or alone). */
export function parentsOf(g: Pick<Genogram, 'unions' | 'filiations'>): Map<string, string[]> {
  const unions = new Map(g.unions.map((u) => [u.id, u]));
  const out = new Map<string, string[]>();
  for (const f of g.filiations) {
    const u = f.union ? unions.get(f.union) : undefined;
    out.set(f.child, u ? [u.a, u.b] : f.parent ? [f.parent] : []);
  }
  return out;
}

function hasAncestryCycle(g: z.infer<typeof GenogramShape>): boolean {
  const parents = parentsOf(g);
  const state = new Map<string, 1 | 2>();
  const visit = (id: string): boolean => {
    if (state.get(id) === 2) return false;
    if (state.get(id) === 1) return true;
    state.set(id, 1);
    const cyclic = (parents.get(id) ?? []).some(visit);
    state.set(id, 2);
    return cyclic;
  };
  return g.persons.some((p) => visit(p.id));
}

export const Genogram = GenogramShape.superRefine((g, ctx) => {
  for (const issue of genogramIssues(g)) ctx.addIssue({ code: 'custom', ...issue });
});
export type Genogram = z.infer<typeof Genogram>;
export type GenogramInput = z.input<typeof Genogram>;

export const GenoRelations = z.array(GenoRelation).max(GENO_MAX_PERSONS * 2);

/** PUT body: the whole drawing and the version it was read at (optimistic lock). */
export const GenogramPutInput = z
  .strictObject({
    version: z.number({ error: 'La version est attendue (nombre entier)' }).int().min(0),
    data: Genogram,
    /** Sent only by someone who opened the relationship lines; absent, they are left as they are. */
    relations: GenoRelations.optional(),
  })
  .superRefine((input, ctx) => {
    // A relationship line joins two different persons of the drawing it is saved with.
    const ids = new Set(input.data.persons.map((p) => p.id));
    (input.relations ?? []).forEach((r, i) => {
      if (!ids.has(r.a) || !ids.has(r.b))
        ctx.addIssue({
          code: 'custom',
          message: 'Relation : une personne absente du génogramme',
          path: ['relations', i],
        });
      else if (r.a === r.b)
        ctx.addIssue({ code: 'custom', message: 'Relation : deux personnes différentes', path: ['relations', i] });
    });
  });
export type GenogramPutInput = z.infer<typeof GenogramPutInput>;

export const emptyGenogram = (): Genogram => ({ persons: [], unions: [], filiations: [], twins: [], households: [] });

/** Opening the relationship lines: a reason from the list of the sensitive sections, and its text. */
export { OpenSectionInput as OpenGenogramRelationsInput } from '../sections/schemas.js';

export interface GenogramDto {
  version: number;
  data: Genogram;
  updatedAt: string | null;
  /** The relationship lines: `null` while closed; their content only with `?relations=1`. */
  relationsOpen: { openedAt: string; reasonCode: string } | null;
  relations?: GenoRelation[];
}

import type { GenoFiliationKind, Genogram, GenoPerson, GenoSex, GenoUnionType, HouseholdMemberDto } from '@jalon/core';

/** Pure edits of the drawing (the editor keeps each state for undo). */
const nextId = (g: Genogram, prefix: string) => {
  const used = new Set([...g.persons.map((p) => p.id), ...g.unions.map((u) => u.id)]);
  let i = 1;
  while (used.has(`${prefix}${i}`)) i++;
  return `${prefix}${i}`;
};

export interface PersonForm {
  label: string;
  sex: GenoSex;
  birthYear: string;
  deathYear: string;
  deceased: boolean;
  kind: GenoPerson['kind'];
}
const year = (s: string) => (/^\d{4}$/.test(s.trim()) ? Number(s.trim()) : undefined);
const toPerson = (id: string, f: PersonForm): GenoPerson => ({
  id,
  sex: f.sex,
  kind: f.kind,
  deceased: f.deceased || Boolean(year(f.deathYear)),
  index: false,
  ...(f.label.trim() ? { label: f.label.trim() } : {}),
  ...(year(f.birthYear) ? { birthYear: year(f.birthYear) } : {}),
  ...(year(f.deathYear) ? { deathYear: year(f.deathYear) } : {}),
});

export function addPerson(g: Genogram, f: PersonForm): Genogram {
  return { ...g, persons: [...g.persons, { ...toPerson(nextId(g, 'p'), f), index: g.persons.length === 0 }] };
}

/** A new partner of `of`, with the union between them. */
export function addPartner(g: Genogram, of: string, f: PersonForm, type: GenoUnionType, startYear: string): Genogram {
  const withPerson = addPerson(g, f);
  const partner = withPerson.persons[withPerson.persons.length - 1]!;
  const start = year(startYear);
  const union = { id: nextId(withPerson, 'u'), a: of, b: partner.id, type, ...(start ? { startYear: start } : {}) };
  return { ...withPerson, unions: [...withPerson.unions, union] };
}

/** A child of a union, or of one parent alone. */
export function addChild(
  g: Genogram,
  from: { union?: string; parent?: string },
  f: PersonForm,
  kind: GenoFiliationKind,
): Genogram {
  const withPerson = addPerson(g, f);
  const child = withPerson.persons[withPerson.persons.length - 1]!;
  return { ...withPerson, filiations: [...withPerson.filiations, { child: child.id, ...from, kind }] };
}

export function removePerson(g: Genogram, id: string): Genogram {
  const unions = g.unions.filter((u) => u.a !== id && u.b !== id);
  const gone = new Set(g.unions.filter((u) => !unions.includes(u)).map((u) => u.id));
  return {
    persons: g.persons.filter((p) => p.id !== id),
    unions,
    filiations: g.filiations.filter((f) => f.child !== id && f.parent !== id && !(f.union && gone.has(f.union))),
    twins: g.twins
      .map((t) => ({ ...t, members: t.members.filter((m) => m !== id) }))
      .filter((t) => t.members.length > 1),
    households: g.households
      .map((h) => ({ members: h.members.filter((m) => m !== id) }))
      .filter((h) => h.members.length > 0),
  };
}

/** The household members of the file, in one action: each not yet drawn is added, all in one household boundary. */
export function bringHousehold(g: Genogram, members: HouseholdMemberDto[], indexPersonId: string): Genogram {
  let out = g;
  for (const m of members.filter((m) => !m.endDate)) {
    if (out.persons.some((p) => p.personId === m.personId)) continue;
    const sex: GenoSex = m.sex?.code === 'M' ? 'male' : m.sex?.code === 'F' ? 'female' : 'unknown';
    const id = nextId(out, 'p');
    const person: GenoPerson = {
      id,
      sex,
      kind: 'person',
      deceased: false,
      index: m.personId === indexPersonId && !out.persons.some((p) => p.index),
      label: m.firstNames.split(' ')[0]!.slice(0, 80),
      birthYear: Number(m.birthDate.slice(0, 4)),
      personId: m.personId,
    };
    out = { ...out, persons: [...out.persons, person] };
  }
  const ids = members
    .filter((m) => !m.endDate)
    .map((m) => out.persons.find((p) => p.personId === m.personId)?.id)
    .filter((id): id is string => Boolean(id));
  return ids.length > 0 ? { ...out, households: [{ members: ids }, ...out.households.slice(1)] } : out;
}

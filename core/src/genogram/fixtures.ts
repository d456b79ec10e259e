import { Genogram, type GenogramInput } from './schema.js';

/** Families used by the layout tests, the screenshot test and the bench (synthetic, docs/domain.md §8). */
export const genogramFixture = (g: GenogramInput): Genogram => Genogram.parse(g);

const p = (id: string, sex: 'male' | 'female' | 'unknown' | 'other', birthYear?: number, extra = {}) => ({
  id,
  sex,
  ...(birthYear ? { birthYear } : {}),
  ...extra,
});

/** Three generations: grandparents, a divorce and a remarriage, half-siblings, an adoption, twins, a household. */
export const sampleFamily = (): Genogram =>
  genogramFixture({
    persons: [
      p('gp1', 'male', 1940, { deceased: true, deathYear: 2010, label: 'Grand-père' }),
      p('gm1', 'female', 1943, { label: 'Grand-mère' }),
      p('f', 'male', 1965, { label: 'Père' }),
      p('m', 'female', 1968, { label: 'Mère' }),
      p('s2', 'female', 1970, { label: 'Seconde épouse' }),
      p('a', 'female', 1990, { index: true, label: 'Index' }),
      p('b', 'male', 1992),
      p('t1', 'female', 2000),
      p('t2', 'female', 2000),
      p('ad', 'unknown', 2005, { label: 'Adopté' }),
      p('preg', 'unknown', undefined, { kind: 'pregnancy' }),
    ],
    unions: [
      { id: 'u0', a: 'gp1', b: 'gm1', type: 'mariage', startYear: 1962 },
      { id: 'u1', a: 'f', b: 'm', type: 'mariage', startYear: 1988, divorceYear: 1996 },
      { id: 'u2', a: 'f', b: 's2', type: 'union_libre', startYear: 1998 },
    ],
    filiations: [
      { child: 'f', union: 'u0', kind: 'biological' },
      { child: 'a', union: 'u1', kind: 'biological' },
      { child: 'b', union: 'u1', kind: 'biological' },
      { child: 't1', union: 'u2', kind: 'biological' },
      { child: 't2', union: 'u2', kind: 'biological' },
      { child: 'ad', union: 'u2', kind: 'adopted' },
      { child: 'preg', parent: 'a', kind: 'biological' },
    ],
    twins: [{ members: ['t1', 't2'], identical: true }],
    households: [{ members: ['f', 's2', 't1', 't2', 'ad'] }],
  });

/** `perGen` persons per generation over `depth` generations, each couple with two children (bench: ≥ 60 persons). */
export function largeFamily(depth = 4, perGen = 16): Genogram {
  const persons: GenogramInput['persons'] = [];
  const unions: NonNullable<GenogramInput['unions']> = [];
  const filiations: NonNullable<GenogramInput['filiations']> = [];
  let prev: string[] = [];
  for (let d = 0; d < depth; d++) {
    const row: string[] = [];
    for (let i = 0; i < perGen; i++) {
      const id = `g${d}p${i}`;
      persons.push(p(id, i % 2 === 0 ? 'male' : 'female', 1900 + d * 25 + (i % 3)));
      row.push(id);
    }
    for (let i = 0; i + 1 < row.length; i += 2)
      unions.push({ id: `u${d}_${i}`, a: row[i]!, b: row[i + 1]!, type: 'mariage' });
    // The even persons of a row are children (two per couple of the first half above); the odd ones marry in.
    if (prev.length > 0)
      row.forEach((id, i) => {
        const couple = Math.floor(i / 4);
        if (i % 2 === 0) filiations.push({ child: id, union: `u${d - 1}_${couple * 2}`, kind: 'biological' });
      });
    prev = row;
  }
  return genogramFixture({ persons, unions, filiations });
}

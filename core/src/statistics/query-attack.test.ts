import { describe, expect, it } from 'vitest';
import { recoverAcrossQueries, type QueryAnswer } from './query-attack.js';

const ans = (atoms: number[], value: QueryAnswer['value'], source: string): QueryAnswer => ({
  atoms,
  value,
  threshold: 5,
  source,
});

describe('recoverAcrossQueries', () => {
  it('January–March minus January–February gives March', () => {
    // Atoms: January, February, March of one site.
    const found = recoverAcrossQueries(
      3,
      [ans([0, 1, 2], 23, 'janv.–mars'), ans([0, 1], 20, 'janv.–févr.'), ans([2], { suppressed: 'primary' }, 'mars')],
      5,
    );
    expect(found).toEqual([
      { kind: 'atom', what: '2', value: 3 },
      { kind: 'answer', what: 'mars', value: 3 },
    ]);
  });

  it('"all sites" minus "all sites but one" gives the one, even never asked for alone', () => {
    const found = recoverAcrossQueries(3, [ans([0, 1, 2], 30, 'tous'), ans([0, 1], 28, 'tous sauf C')], 5);
    expect(found).toEqual([{ kind: 'atom', what: '2', value: 2 }]);
  });

  it('a value hidden in one table and shown by another query is known', () => {
    const found = recoverAcrossQueries(
      2,
      [
        ans([0], { suppressed: 'primary' }, 'A'),
        ans([1], { suppressed: 'secondary' }, 'B'),
        ans([0, 1], { suppressed: 'secondary' }, 'total'),
        ans([1], 9, 'B seul'),
        ans([0, 1], 12, 'total seul'),
      ],
      5,
    );
    // B and the total are published elsewhere: the "secret" marks hid nothing, and A follows.
    expect(found.map((f) => [f.kind, f.what, f.value])).toEqual([
      ['atom', '0', 3],
      ['answer', 'A', 3],
    ]);
  });

  it('two hidden values bound only together stay hidden', () => {
    expect(
      recoverAcrossQueries(
        2,
        [ans([0], { suppressed: 'primary' }, 'A'), ans([1], { suppressed: 'primary' }, 'B'), ans([0, 1], 6, 'A+B')],
        5,
      ),
    ).toEqual([]);
  });
});

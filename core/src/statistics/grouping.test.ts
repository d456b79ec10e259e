import { describe, expect, it } from 'vitest';
import { StatisticsError } from './errors.js';
import { assertGroupingAllowed, dimensionWords } from './grouping.js';

const refusal = (groupBy: string[]) => {
  try {
    assertGroupingAllowed(groupBy);
  } catch (e) {
    return e as StatisticsError;
  }
  return null;
};

describe('no breakdown by worker (nor by person)', () => {
  it.each([
    'user',
    'userId',
    'user_id',
    'worker',
    'workerId',
    'author',
    'authorId',
    'auteur',
    'referent',
    'référent',
    'referentId',
    'Référent_ID',
    'createdBy',
    'created_by',
    'travailleurSocial',
    'Travailleur social',
    'agent',
    'intervenant',
    'utilisateur',
    'usagerId',
    'nom',
  ])('refuses grouping by %s with the stable code grouping_refused', (dimension) => {
    const e = refusal(['arrondissement', dimension]);
    expect(e).toBeInstanceOf(StatisticsError);
    expect(e!.code).toBe('grouping_refused');
    expect(e!.message).toContain(`« ${dimension} »`);
    expect(e!.message).toMatch(/refusé/);
  });

  it('says why in French', () => {
    expect(refusal(['workerId'])!.message).toBe(
      'Regroupement par « workerId » refusé : aucune statistique n’est ventilée par professionnel',
    );
    expect(refusal(['usagerId'])!.message).toBe(
      'Regroupement par « usagerId » refusé : une statistique ne descend jamais à la personne',
    );
  });

  it.each([
    ['mois', 'site', 'arrondissement'],
    ['trancheAge', 'sexe'],
    ['logementStocd', 'statutProfessionnel', 'niveauScolarite', 'nationalite'],
    ['typeEntree', 'motif', 'typePartenaire', 'equipe', 'teamId', 'siteId'],
    [],
  ])('accepts %j', (...dims) => {
    expect(() => assertGroupingAllowed(dims)).not.toThrow();
  });

  it('splits names into words whatever the spelling', () => {
    expect(dimensionWords('Référent_ID')).toEqual(['referent', 'id']);
    expect(dimensionWords('createdBy')).toEqual(['created', 'by']);
  });
});

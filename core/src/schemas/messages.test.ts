import { describe, expect, it } from 'vitest';
import { AnyDate, Code, PastDate } from './common.js';
import { ExtendRetentionInput } from './partage.js';

const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe('error messages a person reads, consistent with the hints', () => {
  it('a wrong date asks for jj/mm/aaaa, the format of the form', () => {
    expect(message(PastDate.safeParse('31/02/2020'))).toBe('Date invalide : saisissez jj/mm/aaaa');
    expect(message(AnyDate.safeParse('2024-13-01'))).toBe('Date invalide : saisissez jj/mm/aaaa');
  });

  it('a choice left empty is "obligatoire"; a value outside the list asks to choose from it', () => {
    const reason = (v: unknown) =>
      ExtendRetentionInput.safeParse({ kind: 'prolongation', untilDate: '2030-01-01', reason: v, note: 'x' });
    expect(message(reason(undefined))).toBe('Motif obligatoire');
    expect(message(reason(''))).toBe('Motif obligatoire');
    expect(message(reason('nimporte'))).toBe('Motif : choisissez une valeur de la liste');
    const nationality = Code('nationalite');
    expect(message(nationality.safeParse('zz'))).toBe('Nationalité : choisissez une valeur de la liste');
    expect(message(nationality.safeParse(undefined))).toBe('Nationalité obligatoire');
  });
});

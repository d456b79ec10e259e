import { describe, expect, it } from 'vitest';
import {
  LetterTemplateInput,
  frenchDate,
  frenchLongDate,
  frenchTime,
  placeholdersOf,
  renderLetterText,
  templateProblems,
} from './index.js';

describe('letter placeholders', () => {
  it('lists the placeholders of a body once each, spaces inside braces ignored', () => {
    expect(placeholdersOf('Bonjour {{usager.nom}}, le {{ rdv.date }} ; {{usager.nom}}')).toEqual([
      'usager.nom',
      'rdv.date',
    ]);
  });
  it('refuses an unknown placeholder, in French, and accepts the catalogue', () => {
    expect(templateProblems('Bonjour {{usager.nom}} {{usager.iban}}')).toEqual(['Champ inconnu : {{usager.iban}}']);
    expect(templateProblems('{{a}} {{b}}')).toEqual(['Champs inconnus : {{a}}, {{b}}']);
    expect(templateProblems('Le {{rdv.date}} à {{rdv.heure}}, {{site.nom}}')).toEqual([]);
  });
  it('refuses unbalanced braces', () => {
    expect(templateProblems('Bonjour {{usager.nom')).toEqual(['Accolades non fermées : écrivez {{champ}}']);
  });
  it('refuses the __proto__ trick as unknown', () => {
    expect(templateProblems('{{__proto__}} {{constructor}}')).toHaveLength(1);
  });
});

describe('rendering', () => {
  it('replaces the placeholders, a missing value leaving a blank to fill', () => {
    expect(
      renderLetterText('Madame, Monsieur {{usager.nom}}, {{usager.adresse}}.', { 'usager.nom': 'Alice Martin' }),
    ).toBe('Madame, Monsieur Alice Martin, ………….');
  });
  it('formats dates and hours in French, Paris time', () => {
    const d = new Date('2026-12-07T13:30:00Z');
    expect(frenchLongDate(d)).toBe('lundi 7 décembre 2026');
    expect(frenchDate(d)).toBe('7 décembre 2026');
    expect(frenchTime(d)).toBe('14 h 30');
    expect(frenchDate(new Date('2026-06-30T23:30:00Z'))).toBe('1er juillet 2026');
    expect(frenchLongDate(new Date('2026-07-01T08:00:00Z'))).toBe('mercredi 1er juillet 2026');
  });
  it('renders a whole convocation with French dates', () => {
    const at = new Date('2026-03-02T08:05:00Z');
    const text = renderLetterText('Rendez-vous le {{rdv.date}} à {{rdv.heure}}.', {
      'rdv.date': frenchLongDate(at),
      'rdv.heure': frenchTime(at),
    });
    expect(text).toBe('Rendez-vous le lundi 2 mars 2026 à 9 h 05.');
  });
});

describe('template input', () => {
  it('says in French what is missing', () => {
    const r = LetterTemplateInput.safeParse({ code: 'convocation', title: '', body: 'x' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('Titre est obligatoire');
  });
});

import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { FIELD_CATALOGUE, SECTIONS } from '../rgpd/field-catalogue.js';
import { canReadSensitiveSection, canSetSiteProfile, canWriteSensitiveSection } from './policy.js';
import { SECTION_SCHEMAS, SanteData, updateSectionInput } from './schemas.js';
import { SENSITIVE_SECTIONS, SITE_PROFILES, isSectionInProfile } from './domain.js';
import type { Actor, UsagerTarget } from '../policy/actor.js';

const keys = (s: z.ZodType) => Object.keys((s as unknown as { shape: Record<string, unknown> }).shape).sort();

describe('sensitive sections', () => {
  it('are exactly the optional sections of the field catalogue, and each schema field is catalogued (both ways)', () => {
    expect([...SENSITIVE_SECTIONS].sort()).toEqual(
      Object.entries(SECTIONS)
        .filter(([, v]) => v.optional)
        .map(([k]) => k)
        .sort(),
    );
    for (const s of SENSITIVE_SECTIONS) {
      const catalogued = FIELD_CATALOGUE.filter((f) => f.section === s)
        .map((f) => f.name)
        .sort();
      expect(keys(SECTION_SCHEMAS[s]), s).toEqual(catalogued);
      for (const f of FIELD_CATALOGUE.filter((x) => x.section === s))
        expect(f.readers, `${s}.${f.name}`).toBe('sensitive');
    }
  });

  it('santé holds art. 9 data with an art. 9 basis and has no diagnosis field', () => {
    for (const f of FIELD_CATALOGUE.filter((x) => x.section === 'sante')) {
      expect(f.category).toBe('sante');
      expect(f.legalBasis.some((b) => b.startsWith('art9'))).toBe(true);
    }
    expect(JSON.stringify(Object.keys(SanteData.shape))).not.toMatch(/diagnos|patholog|maladie/i);
    expect(SanteData.safeParse({ diagnosis: 'x' }).success).toBe(false);
  });

  it('profiles: coordin offers none, standard some, etendu all', () => {
    expect(SITE_PROFILES.coordin.sections).toEqual([]);
    expect(SENSITIVE_SECTIONS.every((s) => isSectionInProfile('etendu', s))).toBe(true);
    expect(isSectionInProfile('standard', 'sante')).toBe(true);
    expect(isSectionInProfile('standard', 'enfance')).toBe(false);
    expect(SENSITIVE_SECTIONS.some((s) => isSectionInProfile('coordin', s))).toBe(false);
  });

  it('validates section bodies in French, refusing unknown fields and inverted dates', () => {
    const body = updateSectionInput('sante');
    expect(
      body.safeParse({ version: 0, data: { healthCoverage: 'ame', gp: { declared: true, name: 'Dr Martin' } } })
        .success,
    ).toBe(true);
    const bad = body.safeParse({
      version: 0,
      data: { disability: { recognised: true, startDate: '2025-01-01', endDate: '2024-01-01' } },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('La date de fin doit suivre la date de début');
    expect(body.safeParse({ version: 0, data: { healthCoverage: 'inconnue' } }).error?.issues[0]?.message).toContain(
      'Couverture maladie',
    );
    expect(body.safeParse({ version: 0, data: { traitement: 'x' } }).success).toBe(false);
  });

  it('a closed section follows those who follow the file; only the admin sets a site profile', () => {
    const file: UsagerTarget = {
      siteId: 's1',
      teamId: 't1',
      referentIds: ['ref'],
      referentTeamIds: ['t1'],
      createdById: null,
    };
    const actor = (over: Partial<Actor>): Actor => ({
      id: 'x',
      role: 'travailleur_social',
      siteId: 's1',
      teamIds: [],
      ...over,
    });
    const cases: [Actor, boolean][] = [
      [actor({ id: 'ref' }), true],
      [actor({ teamIds: ['t1'] }), true],
      [actor({ teamIds: ['t2'] }), false],
      [actor({ role: 'secretaire', teamIds: ['t1'] }), false],
      [actor({ role: 'responsable' }), false],
      [actor({ siteId: 's2', teamIds: ['t1'] }), false],
      [actor({ role: 'dpo', siteId: null }), false],
      [actor({ role: 'admin_fonctionnel', siteId: null }), false],
    ];
    for (const [a, ok] of cases) {
      expect(canReadSensitiveSection(a, file, { openedById: null }), JSON.stringify(a)).toBe(ok);
      expect(canWriteSensitiveSection(a, file, { openedById: null }), JSON.stringify(a)).toBe(ok);
    }
    expect(canSetSiteProfile(actor({ role: 'admin_fonctionnel', siteId: null }))).toBe(true);
    expect(canSetSiteProfile(actor({ role: 'responsable' }))).toBe(false);
    expect(canSetSiteProfile(actor({ role: 'dpo', siteId: null }))).toBe(false);
  });
});

describe('usager fields by profile', () => {
  it('the non-coordin fields are catalogue fields, none mandatory; only coordin drops them', async () => {
    const { NON_COORDIN_FIELDS, isFieldInProfile } = await import('./domain.js');
    const keys = FIELD_CATALOGUE.map((f) => `${f.section}.${f.name}`);
    for (const k of NON_COORDIN_FIELDS) {
      expect(keys).toContain(k);
      expect(FIELD_CATALOGUE.find((f) => `${f.section}.${f.name}` === k)?.mandatory).toBe(false);
      expect(isFieldInProfile('coordin', k)).toBe(false);
      expect(isFieldInProfile('standard', k)).toBe(true);
      expect(isFieldInProfile('etendu', k)).toBe(true);
    }
    for (const core of [
      'identity.birthName',
      'contact.phone',
      'situation.maritalStatus',
      'situation.employmentStatus',
      'situation.educationLevel',
      'household.housingStatus',
      'household.familyType',
    ]) {
      expect(isFieldInProfile('coordin', core)).toBe(true);
    }
  });
});

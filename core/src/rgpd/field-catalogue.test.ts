import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CODE_LISTS } from '../domain/code-lists.js';
import { AppointmentStatusInput, CreateEntryInput, DeleteEntryInput, UpdateEntryInput } from '../schemas/journal.js';
import { SECTION_SCHEMAS } from '../sections/schemas.js';
import {
  AddMemberInput,
  CreateUsagerInput,
  EndMemberInput,
  SetReferentsInput,
  UpdateUsagerInput,
} from '../schemas/usager.js';
import { FIELD_CATALOGUE, SECTIONS, catalogueKey, type SectionId } from './field-catalogue.js';
import { DATA_CATEGORIES, LEGAL_BASES, PURPOSES, READERS, RETENTION_RULES } from './vocabulary.js';

/** Object keys of a zod schema, through optional / default / nullable wrappers. */
function keysOf(schema: z.ZodType): Record<string, z.ZodType> {
  let s = schema as unknown as { shape?: Record<string, z.ZodType>; def?: { innerType?: z.ZodType; in?: z.ZodType } };
  for (let i = 0; i < 5 && !s.shape; i++) s = (s.def?.innerType ?? s.def?.in) as typeof s;
  if (!s.shape) throw new Error('not an object schema');
  return s.shape;
}

/** Input keys that carry no personal data: optimistic-lock version, linter confirmation, a reference to a person. */
const META = new Set(['version', 'confirmFlags', 'confirmClash', 'personId']);
const UPDATE_SECTIONS = ['identity', 'contact', 'identifiers', 'situation', 'household'] as const;

/** Every field a user can send about a usager, as `section.name`, read from the schemas themselves. */
function schemaFields(): Set<string> {
  const out = new Set<string>();
  const update = keysOf(UpdateUsagerInput);
  const sectionOf = new Map<string, string>();
  for (const sec of UPDATE_SECTIONS) {
    for (const k of Object.keys(keysOf(update[sec] as z.ZodType))) {
      out.add(`${sec}.${k}`);
      sectionOf.set(k, sec);
    }
  }
  for (const k of Object.keys(update))
    if (!META.has(k) && !(UPDATE_SECTIONS as readonly string[]).includes(k)) out.add(`followUp.${k}`);
  for (const k of Object.keys(keysOf(CreateUsagerInput))) out.add(`${sectionOf.get(k) ?? 'followUp'}.${k}`);
  const member = keysOf(AddMemberInput);
  for (const k of Object.keys(keysOf(member.person as z.ZodType))) out.add(`identity.${k}`);
  for (const k of Object.keys(member)) if (k !== 'person' && !META.has(k)) out.add(`members.${k}`);
  for (const k of Object.keys(keysOf(EndMemberInput))) out.add(`members.${k === 'reason' ? 'endReason' : k}`);
  for (const k of Object.keys(keysOf(SetReferentsInput))) out.add(`followUp.${k}`);
  for (const s of [CreateEntryInput, UpdateEntryInput, AppointmentStatusInput]) {
    for (const k of Object.keys(keysOf(s))) if (!META.has(k)) out.add(`journal.${k}`);
  }
  for (const k of Object.keys(keysOf(DeleteEntryInput))) out.add(`journal.${k === 'reason' ? 'deleteReason' : k}`);
  for (const [sec, schema] of Object.entries(SECTION_SCHEMAS))
    for (const k of Object.keys(keysOf(schema))) out.add(`${sec}.${k}`);
  return out;
}

const catalogued = new Set(FIELD_CATALOGUE.map(catalogueKey));

describe('field catalogue', () => {
  it('has every field of the usager and journal schemas', () => {
    const fields = schemaFields();
    expect(fields.size).toBeGreaterThan(40);
    expect([...fields].filter((f) => !catalogued.has(f))).toEqual([]);
  });

  it('describes no field that the schemas do not have, sensitive sections included (no drift the other way)', () => {
    const fields = schemaFields();
    expect(FIELD_CATALOGUE.map(catalogueKey).filter((k) => !fields.has(k))).toEqual([]);
  });

  it('names each field once', () => {
    expect(catalogued.size).toBe(FIELD_CATALOGUE.length);
  });

  it('marks as mandatory exactly what the creation schema requires', () => {
    const create = keysOf(CreateUsagerInput);
    const identity = FIELD_CATALOGUE.filter((f) =>
      ['identity', 'contact', 'identifiers', 'situation', 'household'].includes(f.section),
    );
    for (const f of identity) {
      const zod = create[f.name];
      expect(zod, f.name).toBeDefined();
      expect(f.mandatory, f.name).toBe(!zod?.safeParse(undefined).success);
    }
    expect(
      identity
        .filter((f) => f.mandatory)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['birthDate', 'birthName', 'firstNames']);
  });

  it('gives every field a known category, purpose, legal basis, retention rule and readers', () => {
    for (const f of FIELD_CATALOGUE) {
      const k = catalogueKey(f);
      expect(DATA_CATEGORIES[f.category], k).toBeDefined();
      expect(f.purposes.length, k).toBeGreaterThan(0);
      for (const p of f.purposes) expect(PURPOSES[p], k).toBeDefined();
      expect(f.legalBasis.length, k).toBeGreaterThan(0);
      for (const b of f.legalBasis) expect(LEGAL_BASES[b], k).toBeDefined();
      expect(RETENTION_RULES[f.retention], k).toBeDefined();
      expect(READERS[f.readers], k).toBeDefined();
      if (f.codeList) expect(CODE_LISTS[f.codeList], k).toBeDefined();
    }
  });

  it('keeps art. 9 data in optional sections with an art. 9 basis, and collects no NIR nor offence data', () => {
    const health = FIELD_CATALOGUE.filter((f) => f.category === 'sante');
    expect(health.length).toBeGreaterThan(0);
    for (const f of health) {
      expect(SECTIONS[f.section].optional, f.name).toBe(true);
      expect(
        f.legalBasis.some((b) => b.startsWith('art9')),
        f.name,
      ).toBe(true);
      expect(f.readers).toBe('sensitive');
    }
    expect(FIELD_CATALOGUE.filter((f) => f.category === 'nir' || f.category === 'infractions')).toEqual([]);
  });

  it('keeps after anonymisation only the statistical fields of issue 5', () => {
    const kept = FIELD_CATALOGUE.filter((f) => f.onAnonymisation !== 'delete')
      .map((f) => `${catalogueKey(f)}:${f.onAnonymisation}`)
      .sort();
    expect(kept).toEqual(
      [
        'household.familyType:keep',
        'contact.postalCode:arrondissement',
        'identity.birthDate:age_band',
        'identity.sex:keep',
        'journal.motifs:count',
        'journal.type:count',
      ].sort(),
    );
    expect(
      FIELD_CATALOGUE.filter((f) => f.onAnonymisation !== 'delete').every((f) => f.purposes.includes('statistiques')),
    ).toBe(true);
  });

  it('lets code-listed fields point to the list the schema uses', () => {
    const create = keysOf(CreateUsagerInput);
    for (const f of FIELD_CATALOGUE.filter((x) => x.codeList && create[x.name])) {
      const codes = (CODE_LISTS[f.codeList as keyof typeof CODE_LISTS].entries as readonly { code: string }[]).map(
        (e) => e.code,
      );
      expect(create[f.name]?.safeParse(codes[0]).success, f.name).toBe(true);
    }
  });

  it('has a label for every section in use', () => {
    for (const s of new Set(FIELD_CATALOGUE.map((f) => f.section)))
      expect(SECTIONS[s as SectionId].label.length).toBeGreaterThan(3);
  });
});

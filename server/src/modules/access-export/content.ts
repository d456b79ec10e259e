import {
  APPOINTMENT_STATUS_LABELS,
  ENTRY_TYPE_LABELS,
  LEGAL_GROUNDS,
  PLACE_LABELS,
  ROLE_LABELS,
  SHAREABLE_SECTIONS,
  accessPartLabel,
  canReadConsultations,
  canReadEntryHeader,
  canReadEntryNote,
  canReadSensitiveSection,
  canReadShares,
  shareableSectionLabel,
  fileAbilities,
  type AccessExportDto,
  type AppointmentStatus,
  type LegalGround,
  type Place,
  type Role,
  type ShareableSection,
  type UsagerTarget,
} from '@jalon/core';
import type { Ctx } from '../../context.js';
import { openText } from '../../crypto/index.js';
import type { Trx } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { installedModules } from '../../platform/installed.js';
import { entryNoteAad } from '../journal/index.js';
import { openSectionsForExport } from '../sections/index.js';
import { loadUsagerFile, presentUsager } from '../usagers/index.js';
import { consultationsOfFile, journalOfFile, sharesOfFile } from './queries.js';

const CONTROLLER = 'Ville de Paris — Direction des solidarités (service social de proximité)';
const iso = (d: Date | string) => new Date(d).toISOString();
const shareLabel = (x: string) =>
  (SHAREABLE_SECTIONS as readonly string[]).includes(x)
    ? shareableSectionLabel(x as ShareableSection)
    : 'Autre information';

/**
 * Who the document is for (docs/security.md, "Demandes d’accès (Access requests)"). `complet`: the DPO answers the person's request with
 * the whole file, every note included, and the parts other modules contribute. `referent`: a référent prints for the
 * person what the référent reads in the journal — a private note of another author never.
 */
export type ExportScope = 'complet' | 'referent';

type Entry = Awaited<ReturnType<typeof journalOfFile>>[number];

/** The journal as the scope allows: the DPO every entry and note; a référent the entries and notes the journal shows them. */
function journalFor(ctx: Ctx, target: UsagerTarget, entries: Entry[], scope: ExportScope): AccessExportDto['journal'] {
  const out: AccessExportDto['journal'] = [];
  for (const e of entries) {
    const facts = { authorId: e.author_id, type: e.type, visibility: e.visibility, workerIds: e.worker_ids ?? [] };
    if (scope === 'referent' && !canReadEntryHeader(ctx.actor, target, facts)) continue;
    const noteAllowed = scope === 'complet' || canReadEntryNote(ctx.actor, target, facts);
    out.push({
      occurredAt: iso(e.occurred_at),
      type: { code: e.type, label: ENTRY_TYPE_LABELS[e.type] },
      durationMinutes: e.duration_minutes,
      place: e.place ? (PLACE_LABELS[e.place as Place] ?? null) : null,
      motifs: e.motifs,
      note: noteAllowed && e.note ? openText(e.note, entryNoteAad(e.id)) : null,
      orientationReason: [e.partner_name, e.orientation_reason].filter(Boolean).join(' — ') || null,
      orientationOutcome: e.orientation_outcome,
      appointmentStatus: e.appointment_status
        ? (APPOINTMENT_STATUS_LABELS[e.appointment_status as AppointmentStatus] ?? null)
        : null,
    });
  }
  return out;
}

/** The parts the modules of the registry contribute (module contract, `accessExport`): the DPO's export only. */
async function moduleParts(trx: Trx, ctx: Ctx, fileId: string, scope: ExportScope) {
  if (scope !== 'complet') return [];
  const parts = [];
  for (const m of installedModules()) {
    const part = m.accessExport ? await m.accessExport(trx, ctx, fileId) : null;
    if (part) parts.push(part);
  }
  return parts;
}

/** The content of the export, read in the caller's transaction; access checks and logging are the caller's. */
export async function collectExport(
  trx: Trx,
  ctx: Ctx,
  target: UsagerTarget & { id: string },
  scope: ExportScope,
): Promise<Omit<AccessExportDto, 'scopeLabel' | 'request'>> {
  const id = target.id;
  const loaded = await loadUsagerFile(trx, id, { referents: true, members: true });
  if (!loaded) throw notFound('Dossier');
  const { row, referents, members } = loaded;
  const a = ctx.actor;
  const all = scope === 'complet';
  const [entries, consultations, shares, sections, parts] = await Promise.all([
    journalOfFile(trx, id),
    all || canReadConsultations(a, target) ? consultationsOfFile(trx, id) : Promise.resolve([]),
    all || canReadShares(a, target) ? sharesOfFile(trx, id) : Promise.resolve(null),
    openSectionsForExport(trx, id, undefined, (s) => all || canReadSensitiveSection(a, target, s)),
    moduleParts(trx, ctx, id, scope),
  ]);
  // The person is owed the whole file: the DPO's export asks for the full part by its own rule (the recorded request),
  // with the caller's real abilities; a référent's print shows what the référent reads.
  const can = fileAbilities(a, target);
  const file = presentUsager(row, referents, members, can, all || can.readFull ? 'full' : 'general').data;
  if (!file.full) throw notFound('Dossier');
  return {
    generatedAt: ctx.now.toISOString(),
    controller: CONTROLLER,
    file: { ...file, full: file.full },
    journal: journalFor(ctx, target, entries, scope),
    consultations: consultations.map((c) => ({
      at: iso(c.at),
      role: { code: c.actor_role, label: ROLE_LABELS[c.actor_role as Role] ?? 'Agent' },
      siteName: c.site_name,
      partLabel: accessPartLabel(c.part),
    })),
    shares:
      shares?.map((s) => ({
        sharedOn: s.shared_on,
        recipient: [s.recipient_name, s.recipient_organisation].filter(Boolean).join(', '),
        legalGround: LEGAL_GROUNDS[s.legal_ground as LegalGround] ?? 'Autre fondement',
        sections: s.sections.map(shareLabel),
        personInformed: s.person_informed,
      })) ?? null,
    sections,
    parts,
  };
}

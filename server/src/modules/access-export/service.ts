import {
  APPOINTMENT_STATUS_LABELS,
  ENTRY_TYPE_LABELS,
  PLACE_LABELS,
  ROLE_LABELS,
  canExportUsagerAccess,
  fileAbilities,
  type AccessExportDto,
  type AppointmentStatus,
  type Place,
  type Role,
} from '@jalon/core';
import { loadAuthorizedUsager } from '../../access/load-authorized.js';
import { audit, logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { openText } from '../../crypto/index.js';
import { notFound } from '../../errors.js';
import { entryNoteAad } from '../journal/queries.js';
import { openSectionsForExport } from '../sections/export.js';
import { presentUsager } from '../usagers/present.js';
import { findActiveReferents, findMembers, findUsagerRow } from '../usagers/queries.js';
import { consultationsOfFile, journalOfFile, sharesOfFile } from './queries.js';

const CONTROLLER = 'Ville de Paris — Direction des solidarités (service social de proximité)';
const LEGAL_GROUNDS: Record<string, string> = {
  casf_l121_6_2: 'CASF L121-6-2 (action sociale et prévention)',
  casf_l226_2_2: 'CASF L226-2-2 (protection de l’enfance)',
  csp_l1110_4: 'CSP L1110-4 (équipe de soins)',
  casf_l226_2_1: 'CASF L226-2-1 (information préoccupante)',
  consentement: 'Consentement écrit de la personne',
};
const PARTS: Record<string, string> = {
  general: 'partie générale',
  full: 'dossier complet',
  consultations: 'liste des consultations',
  journal: 'journal',
  journal_notes: 'notes du journal',
  access_export: 'export pour la personne',
  history: 'historique des modifications',
};
const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * The access export (RGPD art. 15): the whole file for the person — identity, household, core items, every journal
 * entry with its note, the opened sensitive sections, who consulted the file (role, site, date; no worker's name) and the shares. For the référents
 * and the responsable of the file's site only; the export is audited and access-logged in one transaction.
 */
export async function buildAccessExport(ctx: Ctx, id: string): Promise<AccessExportDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const target = await loadAuthorizedUsager(trx, ctx.actor, id, canExportUsagerAccess);
    const row = await findUsagerRow(trx, id);
    if (!row) throw notFound('Dossier');
    const [referents, members, entries, consultations, shares, sections] = await Promise.all([
      findActiveReferents(trx, id),
      findMembers(trx, row.household_id),
      journalOfFile(trx, id),
      consultationsOfFile(trx, id),
      sharesOfFile(trx, id),
      openSectionsForExport(trx, id),
    ]);
    // The person is owed the whole file: present it with every read ability, whoever prepares the export.
    const can = { ...fileAbilities(ctx.actor, target), readGeneral: true, readFull: true };
    const file = presentUsager(row, referents, members, can).data;
    if (!file.full) throw notFound('Dossier');
    await logAccess(trx, ctx, id, 'access_export');
    await audit(trx, ctx, 'usager.access_export', {
      caseFileId: id,
      targetType: 'case_file',
      targetId: id,
      diff: { entries: entries.length, consultations: consultations.length, sections: sections.map((s) => s.section) },
    });
    return {
      generatedAt: ctx.now.toISOString(),
      controller: CONTROLLER,
      file: { ...file, full: file.full },
      journal: entries.map((e) => ({
        occurredAt: iso(e.occurred_at),
        type: { code: e.type, label: ENTRY_TYPE_LABELS[e.type] },
        durationMinutes: e.duration_minutes,
        place: e.place ? (PLACE_LABELS[e.place as Place] ?? e.place) : null,
        motifs: e.motifs,
        note: e.note ? openText(e.note, entryNoteAad(e.id)) : null,
        orientationReason: [e.partner_name, e.orientation_reason].filter(Boolean).join(' — ') || null,
        orientationOutcome: e.orientation_outcome,
        appointmentStatus: e.appointment_status
          ? APPOINTMENT_STATUS_LABELS[e.appointment_status as AppointmentStatus]
          : null,
      })),
      consultations: consultations.map((c) => ({
        at: iso(c.at),
        role: { code: c.actor_role, label: ROLE_LABELS[c.actor_role as Role] ?? c.actor_role },
        siteName: c.site_name,
        partLabel: PARTS[c.part] ?? c.part,
      })),
      shares:
        shares?.map((s) => ({
          sharedOn: s.shared_on,
          recipient: [s.recipient_name, s.recipient_organisation].filter(Boolean).join(', '),
          legalGround: LEGAL_GROUNDS[s.legal_ground] ?? s.legal_ground,
          sections: s.sections,
          personInformed: s.person_informed,
        })) ?? null,
      sections,
    };
  });
}

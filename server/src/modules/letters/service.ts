import {
  LETTER_CODES,
  LETTER_PLACEHOLDERS,
  PLACE_LABELS,
  canAddDocument,
  canManageOrganisation,
  canPrintLetters,
  canReadGeneralUsager,
  frenchDate,
  frenchLongDate,
  frenchTime,
  renderLetterText,
  templateProblems,
  type LetterCode,
  type Place,
  type LetterTemplateDto,
  type LetterTemplateInput,
  type LetterValues,
  type SendLetterInput,
} from '@jalon/core';
import { authorizedFileIds, loadAuthorizedUsager } from '../../access/load-authorized.js';
import { audit, logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import type { Queryable } from '../../db/schema.js';
import { forbidden, notFound, unprocessable } from '../../errors.js';
import { storeGeneratedDocument } from '../documents/index.js';
import { loadReadableEntry } from '../journal/index.js';
import { lettersToPdf, type RenderedLetter } from './pdf.js';
import {
  allTemplates,
  appointmentFacts,
  appointmentsOfDay,
  insertLetterSent,
  insertTemplateVersion,
  letterFacts,
  someAppointments,
  templateAt,
  type AppointmentFactsRow,
  type LetterFactsRow,
} from './queries.js';

const adminOnly = (ctx: Ctx) => {
  if (!canManageOrganisation(ctx.actor)) throw forbidden('Accès réservé à l’administration fonctionnelle');
};
const printersOnly = (ctx: Ctx) => {
  if (!canPrintLetters(ctx.actor)) throw forbidden('L’impression des courriers est réservée aux équipes du site');
};

/** Every version of the templates and the placeholder catalogue (admin page). */
export async function listTemplates(ctx: Ctx) {
  adminOnly(ctx);
  const rows = await allTemplates(ctx.db);
  const items: LetterTemplateDto[] = rows.map((r) => ({
    id: r.id,
    code: r.code as LetterCode,
    codeLabel: LETTER_CODES[r.code as LetterCode] ?? 'Modèle',
    title: r.title,
    text: r.body,
    version: r.version,
    validFrom: new Date(r.valid_from).toISOString(),
    createdBy: r.created_by_name,
  }));
  const placeholders = Object.entries(LETTER_PLACEHOLDERS).map(([name, label]) => ({ name, label }));
  return { items, placeholders };
}

/** Saves a new version of a template, in force now; a body naming an unknown placeholder is refused (422). */
export async function saveTemplate(ctx: Ctx, input: LetterTemplateInput) {
  adminOnly(ctx);
  const problems = templateProblems(input.text);
  if (problems.length > 0)
    throw unprocessable('unknown_placeholder', problems.join(' ; '), { text: problems.join(' ; ') });
  return ctx.db.transaction().execute(async (trx) => {
    const saved = await insertTemplateVersion(trx, {
      code: input.code,
      title: input.title,
      body: input.text,
      at: ctx.now,
      by: ctx.actor.id,
    });
    await audit(trx, ctx, 'letter_template.save', {
      targetType: 'letter_template',
      targetId: saved.id,
      diff: { code: input.code, version: saved.version, title: input.title },
    });
    return saved;
  });
}

const personName = (f: LetterFactsRow) => `${f.first_names} ${f.used_name ?? f.birth_name}`;
const addressOf = (f: LetterFactsRow) =>
  [f.address_line, [f.postal_code, f.city].filter(Boolean).join(' ')].filter((x) => x && x.trim()).join(', ');

/** Where the appointment takes place, as a letter says it: the site's address at the office. */
const placeOf = (place: string | null, f: LetterFactsRow) =>
  !place || place === 'bureau'
    ? [f.site_name, f.site_address].filter(Boolean).join(', ')
    : (PLACE_LABELS[place as Place] ?? '').toLowerCase();

/** The values of the catalogue for one file (and one appointment); dates in French, Paris time. */
export function valuesFor(f: LetterFactsRow, appt: AppointmentFactsRow | null, now: Date): LetterValues {
  const at = appt ? new Date(appt.occurred_at) : null;
  return {
    'usager.nom': personName(f),
    'usager.adresse': addressOf(f),
    'rdv.date': at ? frenchLongDate(at) : null,
    'rdv.heure': at ? frenchTime(at) : null,
    'rdv.lieu': placeOf(appt?.place ?? null, f),
    'travailleur.nom': appt?.worker_name ?? f.referent_name,
    'site.nom': f.site_name,
    'site.adresse': f.site_address,
    'site.telephone': f.site_phone,
    'site.horaires': f.site_hours,
    'date.jour': frenchDate(now),
    'suivi.debut': frenchDate(new Date(f.opened_at)),
  };
}

/**
 * Renders letters of one template for (file, appointment) pairs, in the given order; `extra` (for all letters) and a
 * pair's own `extra` add the values a caller knows (an aid decision's, for its notification: modules/commission; a
 * contract's: modules/rsa) and win over the file's.
 */
export async function renderLetters(
  db: Queryable,
  code: LetterCode,
  pairs: readonly { fileId: string; entryId: string | null; extra?: LetterValues }[],
  now: Date,
  extra: LetterValues = {},
) {
  const template = await templateAt(db, code, now);
  if (!template) throw notFound('Modèle de courrier');
  const facts = new Map((await letterFacts(db, [...new Set(pairs.map((p) => p.fileId))])).map((f) => [f.id, f]));
  const ids = pairs.map((p) => p.entryId).filter((x): x is string => x !== null);
  const appts = new Map((await appointmentFacts(db, ids)).map((a) => [a.id, a]));
  const letters: RenderedLetter[] = pairs.flatMap((p) => {
    const f = facts.get(p.fileId);
    if (!f) return [];
    const values = { ...valuesFor(f, p.entryId ? (appts.get(p.entryId) ?? null) : null, now), ...extra, ...p.extra };
    const header = { name: f.site_name, address: f.site_address, phone: f.site_phone, hours: f.site_hours };
    return [{ title: template.title, header, text: renderLetterText(template.body, values) }];
  });
  return { template, letters };
}

const notAppointment = () => unprocessable('not_appointment', 'Cette entrée n’est pas un rendez-vous');

/** The convocation of one appointment (need-to-know of the entry: 404 otherwise); the read is access-logged. */
export async function convocationPdf(ctx: Ctx, entryId: string): Promise<Buffer> {
  printersOnly(ctx);
  const { file, row } = await loadReadableEntry(ctx.db, ctx, entryId);
  if (row.type !== 'rendez_vous') throw notAppointment();
  const { template, letters } = await renderLetters(ctx.db, 'convocation', [{ fileId: file.id, entryId }], ctx.now);
  await logAccess(ctx.db, ctx, file.id, 'courrier');
  return lettersToPdf(letters, template.title);
}

/** Sends a letter: the PDF is kept as a document of the file ("Courrier") and the sending in `letter_sent`, audited. */
export async function sendLetter(ctx: Ctx, fileId: string, input: SendLetterInput) {
  printersOnly(ctx);
  if (input.templateCode === 'convocation' && !input.entryId)
    throw unprocessable('entry_required', 'Choisissez le rendez-vous de la convocation', { entryId: 'Obligatoire' });
  return ctx.db.transaction().execute(async (trx) => {
    const file = await loadAuthorizedUsager(trx, ctx.actor, fileId, canAddDocument, { write: true });
    if (input.entryId) {
      const { file: entryFile, row } = await loadReadableEntry(trx, ctx, input.entryId);
      if (entryFile.id !== file.id) throw notFound('Entrée');
      if (input.templateCode === 'convocation' && row.type !== 'rendez_vous') throw notAppointment();
    }
    const pair = { fileId, entryId: input.entryId ?? null };
    const { template, letters } = await renderLetters(trx, input.templateCode, [pair], ctx.now);
    const bytes = await lettersToPdf(letters, template.title);
    const documentId = await storeGeneratedDocument(trx, ctx, {
      caseFileId: fileId,
      entryId: pair.entryId,
      type: 'courrier',
      fileName: `${template.title} ${ctx.now.toISOString().slice(0, 10)}.pdf`,
      mime: 'application/pdf',
      bytes,
    });
    const sent = await insertLetterSent(trx, {
      ...pair,
      caseFileId: fileId,
      templateId: template.id,
      documentId,
      by: ctx.actor.id,
      at: ctx.now,
    });
    await audit(trx, ctx, 'letter.send', {
      caseFileId: fileId,
      targetType: 'letter_sent',
      targetId: sent.id,
      diff: { templateCode: input.templateCode, version: template.version },
    });
    return { id: sent.id, documentId };
  });
}

/** Every convocation of a Paris day on the caller's site, one PDF; each file printed is access-logged. */
export async function siteConvocations(ctx: Ctx, day: string): Promise<Buffer> {
  printersOnly(ctx);
  const rows = await appointmentsOfDay(ctx.db, ctx.actor.siteId ?? '', day);
  const ids = [...new Set(rows.map((r) => r.case_file_id))];
  const allowed = new Set(await authorizedFileIds(ctx.db, ctx.actor, ids, canReadGeneralUsager));
  const pairs = rows.filter((r) => allowed.has(r.case_file_id)).map((r) => ({ fileId: r.case_file_id, entryId: r.id }));
  const { letters } = await renderLetters(ctx.db, 'convocation', pairs, ctx.now);
  for (const fileId of new Set(pairs.map((p) => p.fileId))) await logAccess(ctx.db, ctx, fileId, 'courrier');
  if (letters.length === 0)
    letters.push({
      title: 'Convocations',
      header: { name: 'Jalon', address: null, phone: null, hours: null },
      text: `Aucun rendez-vous le ${frenchLongDate(new Date(`${day}T12:00:00Z`))}.`,
    });
  return lettersToPdf(letters, `Convocations du ${day}`);
}

/**
 * One letter of a file from the template in force, with values another module adds (the contrat d'engagement RSA:
 * modules/rsa), as a PDF. The caller has checked the access and writes the access-log row.
 */
export async function printFileLetter(db: Queryable, code: LetterCode, fileId: string, extra: LetterValues, now: Date) {
  const { template, letters } = await renderLetters(db, code, [{ fileId, entryId: null }], now, extra);
  return { title: template.title, pdf: await lettersToPdf(letters, template.title) };
}

/** For the bench (server/src/bench/letters.ts): `count` convocations in one batch, rendered to one PDF. */
export async function renderConvocationBatch(db: Queryable, count: number, now: Date) {
  const rows = await someAppointments(db, count);
  const pairs = rows.map((r) => ({ fileId: r.case_file_id, entryId: r.entry_id }));
  const { letters } = await renderLetters(db, 'convocation', pairs, now);
  return { letters: letters.length, pdf: await lettersToPdf(letters, 'Convocations') };
}

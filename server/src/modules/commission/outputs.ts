import { paymentFileCsv, type PaymentLine } from '@jalon/core';
import { logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { conflict } from '../../errors.js';
import { lettersToPdf, type RenderedLetter } from '../letters/index.js';
import type { ApplicationFacts } from './applications.js';
import { renderNotifications } from './letters.js';
import { pvPdf } from './pdf.js';
import { applicationsByIds, closedByName, itemsOfSession, type ItemRow } from './queries.js';
import { loadSession } from './sessions.js';

const PAID_FORMS = ['subvention', 'pret'];
const parisDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);

async function sessionItems(ctx: Ctx, id: string) {
  const s = await loadSession(ctx.db, ctx, id);
  const items = await itemsOfSession(ctx.db, id);
  const apps = new Map(
    (
      await applicationsByIds(
        ctx.db,
        items.map((i) => i.application_id),
      )
    ).map((a) => [a.id, a]),
  );
  for (const fileId of new Set(items.map((i) => i.case_file_id))) await logAccess(ctx.db, ctx, fileId, 'commission');
  return { s, items, apps };
}

/** The minutes of the session (docs/api.md, "Commissions"); each file named is access-logged. */
export async function sessionPv(ctx: Ctx, id: string): Promise<{ pdf: Buffer; name: string }> {
  const { s, items, apps } = await sessionItems(ctx, id);
  const recorder = s.closed_at ? await closedByName(ctx.db, id) : null;
  const pdf = await pvPdf({
    sessionDate: s.session_date,
    kind: s.kind,
    place: [s.level === 'ville' ? 'Commission FSL de la Ville de Paris' : s.site_name, s.territory]
      .filter(Boolean)
      .join(' — '),
    closedAt: s.closed_at ? new Date(s.closed_at) : null,
    recordedBy: recorder,
    lines: items.map((i) => {
      const a = apps.get(i.application_id);
      return {
        position: i.position,
        personName: a?.personName ?? 'Dossier anonymisé',
        aidLabel: a?.aidTypeLabel ?? '—',
        requestedCents: a?.requestedCents ?? null,
        outcome: i.outcome,
        amountCents: i.amount_cents === null ? null : Number(i.amount_cents),
        reason: i.outcome === 'accord' ? null : (a?.decisionReason ?? null),
      };
    }),
  });
  return { pdf, name: `pv-commission-${s.session_date}.pdf` };
}

const isPaid = (i: ItemRow, a: ApplicationFacts | undefined): a is ApplicationFacts =>
  a !== undefined &&
  (i.outcome === 'accord' || i.outcome === 'accord_partiel') &&
  PAID_FORMS.includes(a.decidedForm ?? a.form) &&
  Number(i.amount_cents ?? 0) > 0;

/**
 * The payment file of a closed session (docs/formats.md, "Fichier de paiement"): one line per aid granted as a
 * subvention or a loan (a garantie or a cautionnement pays nothing now), to the third party or the person.
 */
export async function sessionPaymentFile(ctx: Ctx, id: string): Promise<{ csv: string; name: string }> {
  const { s, items, apps } = await sessionItems(ctx, id);
  if (!s.closed_at)
    throw conflict('session_open', 'Le fichier de paiement est produit une fois toutes les décisions enregistrées');
  const lines: PaymentLine[] = items.flatMap((i) => {
    const a = apps.get(i.application_id);
    if (!isPaid(i, a)) return [];
    return [
      {
        reference: `${s.session_date}-${String(i.position).padStart(3, '0')}`,
        commissionDate: s.session_date,
        applicationId: a.id,
        aidType: a.aidType,
        aidForm: a.decidedForm ?? a.form,
        beneficiary: a.beneficiary,
        beneficiaryName: a.beneficiary === 'tiers' ? (a.creditor ?? a.personName) : a.personName,
        creditor: a.creditor,
        contractRef: a.contractRef,
        amountCents: Number(i.amount_cents),
        decisionDate: parisDay(new Date(i.decided_at ?? (s.closed_at as Date))),
      },
    ];
  });
  return { csv: paymentFileCsv(lines), name: `paiements-commission-${s.session_date}.csv` };
}

/** Every notification of the session in one PDF, rendered as it was at its decision (template version and date). */
export async function sessionLetters(ctx: Ctx, id: string): Promise<{ pdf: Buffer; name: string }> {
  const { s, items, apps } = await sessionItems(ctx, id);
  const byTime = new Map<number, ItemRow[]>();
  for (const i of items.filter((x) => x.outcome !== null && x.decided_at && apps.has(x.application_id))) {
    const t = new Date(i.decided_at as Date).getTime();
    byTime.set(t, [...(byTime.get(t) ?? []), i]);
  }
  if (byTime.size === 0) throw conflict('no_decision', 'Aucune décision enregistrée pour cette commission');
  const letters: RenderedLetter[] = [];
  for (const [t, group] of byTime) {
    const decisions = group.map((i) => {
      const a = apps.get(i.application_id) as ApplicationFacts;
      return {
        caseFileId: i.case_file_id,
        aidTypeLabel: a.aidTypeLabel,
        outcome: i.outcome as NonNullable<ItemRow['outcome']>,
        amountCents: i.amount_cents === null ? null : Number(i.amount_cents),
        reason: i.outcome === 'accord' ? null : a.decisionReason,
      };
    });
    letters.push(...(await renderNotifications(ctx.db, decisions, s.session_date, new Date(t))).letters);
  }
  return {
    pdf: await lettersToPdf(letters, `Notifications ${s.session_date}`),
    name: `notifications-${s.session_date}.pdf`,
  };
}

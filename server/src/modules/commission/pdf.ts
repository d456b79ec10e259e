import {
  COMMISSION_KINDS,
  DECISION_OUTCOMES,
  euros,
  frenchLongDate,
  type CommissionKind,
  type DecisionOutcome,
} from '@jalon/core';
import { openPdf } from '../../lib/pdf.js';

const BLUE = '#000091';
const TEXT = '#161616';
const GREY = '#666666';

export interface PvLine {
  position: number;
  personName: string;
  aidLabel: string;
  requestedCents: number | null;
  outcome: DecisionOutcome | null;
  amountCents: number | null;
  reason: string | null;
}

export interface PvFacts {
  sessionDate: string;
  kind: CommissionKind;
  place: string;
  closedAt: Date | null;
  recordedBy: string | null;
  lines: PvLine[];
}

const COLS = [
  { title: 'N°', width: 26 },
  { title: 'Demandeur', width: 110 },
  { title: 'Aide', width: 95 },
  { title: 'Demandé', width: 62 },
  { title: 'Décision', width: 70 },
  { title: 'Accordé', width: 62 },
  { title: 'Motif', width: 58 },
] as const;

const cellsOf = (l: PvLine): string[] => [
  String(l.position),
  l.personName,
  l.aidLabel,
  l.requestedCents === null ? '—' : euros(l.requestedCents),
  l.outcome ? DECISION_OUTCOMES[l.outcome] : 'Non examinée',
  l.amountCents === null ? '—' : euros(l.amountCents),
  l.reason ?? '',
];

/** One line of the table; a new page (with the header again) when it would not fit. */
function row(pdf: PDFKit.PDFDocument, cells: readonly string[], bold: boolean): void {
  const left = pdf.page.margins.left;
  const font = bold ? 'Helvetica-Bold' : 'Helvetica';
  pdf.font(font).fontSize(8);
  const height = Math.max(...cells.map((c, i) => pdf.heightOfString(c, { width: (COLS[i]?.width ?? 50) - 4 }))) + 6;
  if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom - 20) {
    pdf.addPage();
    if (!bold)
      row(
        pdf,
        COLS.map((c) => c.title),
        true,
      );
  }
  const top = pdf.y;
  let x = left;
  cells.forEach((c, i) => {
    const w = COLS[i]?.width ?? 50;
    pdf
      .font(font)
      .fillColor(TEXT)
      .text(c, x + 2, top + 3, { width: w - 4 });
    x += w;
  });
  pdf
    .moveTo(left, top + height)
    .lineTo(x, top + height)
    .strokeColor('#cccccc')
    .lineWidth(0.5)
    .stroke();
  pdf.x = left;
  pdf.y = top + height;
}

/** "PV du … — page n / N" at the foot of every page. */
function pageNumbers(pdf: PDFKit.PDFDocument, label: string): void {
  const left = pdf.page.margins.left;
  const range = pdf.bufferedPageRange();
  for (let p = 0; p < range.count; p++) {
    pdf.switchToPage(range.start + p);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font('Helvetica')
      .fontSize(8)
      .fillColor(GREY)
      .text(`${label} — page ${p + 1} / ${range.count}`, left, pdf.page.height - 28, {
        width: pdf.page.width - left - pdf.page.margins.right,
        align: 'right',
        lineBreak: false,
      });
    pdf.page.margins.bottom = bottom;
  }
}

/**
 * The minutes (procès-verbal) of a session as a real A4 PDF (docs/api.md, "Commissions"): the session, every
 * application examined in agenda order with its decision, the totals granted, the voies de recours reminder and the
 * signature block. The PV names the applicants: it is read by those who run the commission only.
 */
export function pvPdf(f: PvFacts): Promise<Buffer> {
  const day = frenchLongDate(new Date(`${f.sessionDate}T12:00:00Z`));
  const { pdf, finished } = openPdf({
    margin: 40,
    bufferPages: true,
    info: { Title: `Procès-verbal de la commission du ${f.sessionDate}`, Author: 'Jalon' },
  });
  const left = pdf.page.margins.left;
  pdf
    .font('Helvetica-Bold')
    .fontSize(16)
    .fillColor(BLUE)
    .text('Procès-verbal de la commission d’attribution des aides');
  pdf.font('Helvetica').fontSize(10).fillColor(TEXT).moveDown(0.3);
  pdf.text(`Séance ${COMMISSION_KINDS[f.kind].toLowerCase()} du ${day}`);
  pdf.text(`Lieu : ${f.place}`);
  const decided = f.lines.filter((l) => l.outcome !== null);
  pdf.text(`Demandes inscrites : ${f.lines.length} ; décisions prises : ${decided.length}`);
  const count = (o: DecisionOutcome) => decided.filter((l) => l.outcome === o).length;
  pdf.text(
    (Object.keys(DECISION_OUTCOMES) as DecisionOutcome[])
      .map((o) => `${DECISION_OUTCOMES[o]} : ${count(o)}`)
      .join(' ; '),
  );
  const total = decided.reduce((s, l) => s + (l.amountCents ?? 0), 0);
  pdf.text(`Montant total accordé : ${euros(total)}`);
  pdf.moveDown(1);
  row(
    pdf,
    COLS.map((c) => c.title),
    true,
  );
  for (const l of f.lines) row(pdf, cellsOf(l), false);
  pdf.moveDown(1).x = left;
  pdf
    .font('Helvetica')
    .fontSize(8)
    .fillColor(GREY)
    .text(
      'Chaque décision est notifiée par courrier avec ses voies de recours : recours gracieux auprès du président de la ' +
        'commission ou recours contentieux devant le tribunal administratif de Paris, dans les deux mois de la notification.',
      left,
      pdf.y,
      { width: pdf.page.width - left - pdf.page.margins.right },
    );
  pdf.moveDown(1.5).font('Helvetica').fontSize(10).fillColor(TEXT);
  pdf.text(
    f.closedAt
      ? `Procès-verbal arrêté le ${frenchLongDate(f.closedAt)}${f.recordedBy ? ` par ${f.recordedBy}` : ''}.`
      : 'Procès-verbal provisoire : les décisions ne sont pas toutes enregistrées.',
  );
  pdf.moveDown(2).text('Le président de la commission', left, pdf.y);
  pageNumbers(pdf, `PV du ${f.sessionDate}`);
  pdf.end();
  return finished;
}

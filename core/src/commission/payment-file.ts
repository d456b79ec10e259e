/**
 * The payment file of a commission (docs/formats.md, "Fichier de paiement"): one line per payment of an aid granted,
 * for the paying service. UTF-8, `;` separated, CRLF, one header line; amounts in integer cents (no separator, no
 * decimal point); dates yyyy-mm-dd. A text starting with = + - @ is prefixed with ' (spreadsheet formula injection),
 * a text holding `;`, `"` or a line break is quoted with its quotes doubled. Pure.
 */
export const PAYMENT_FILE_COLUMNS = [
  'reference_paiement',
  'date_commission',
  'numero_demande',
  'type_aide',
  'forme_aide',
  'beneficiaire_type',
  'beneficiaire_nom',
  'creancier',
  'reference_contrat',
  'montant_centimes',
  'date_decision',
] as const;

export type PaymentBeneficiary = 'tiers' | 'personne';

export interface PaymentLine {
  /** `<session date>-<position>`: unique within the file, stable when the file is produced again. */
  reference: string;
  commissionDate: string;
  applicationId: string;
  aidType: string;
  aidForm: string;
  beneficiary: PaymentBeneficiary;
  /** The third party's name (bailleur, fournisseur) or the person's. */
  beneficiaryName: string;
  creditor: string | null;
  contractRef: string | null;
  amountCents: number;
  decisionDate: string;
}

const cell = (raw: string): string => {
  const s = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** The file's text; an amount that is not a positive whole number of cents is a programming error (throws). */
export function paymentFileCsv(lines: readonly PaymentLine[]): string {
  const rows = lines.map((l) => {
    if (!Number.isSafeInteger(l.amountCents) || l.amountCents <= 0)
      throw new Error(`Montant invalide pour ${l.reference}`);
    return [
      l.reference,
      l.commissionDate,
      l.applicationId,
      l.aidType,
      l.aidForm,
      l.beneficiary,
      l.beneficiaryName,
      l.creditor ?? '',
      l.contractRef ?? '',
      String(l.amountCents),
      l.decisionDate,
    ]
      .map(cell)
      .join(';');
  });
  return [PAYMENT_FILE_COLUMNS.join(';'), ...rows].join('\r\n') + '\r\n';
}

/** Total of the file in cents (the paying service checks it against the PV). */
export const paymentFileTotal = (lines: readonly PaymentLine[]): number =>
  lines.reduce((sum, l) => sum + l.amountCents, 0);

export { euros } from '../domain/money-and-months.js';

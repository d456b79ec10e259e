import { euros } from './sanction.js';
import type { SanctionDto } from './dto.js';
import { EP_OUTCOME_LABELS, type EpOutcome } from './schemas.js';

/**
 * The notification of an EP decision (docs/api.md, "RSA : équipe pluridisciplinaire et sanctions"), with its voies de
 * recours: the recours administratif préalable obligatoire to the Présidente du Conseil de Paris (CASF L262-47) within
 * two months, then the tribunal administratif de Paris. Pure text; the server prints it with the letters' layout.
 */
export const RSA_VOIES_DE_RECOURS =
  'Voies de recours : si vous contestez cette décision, vous devez d’abord adresser un recours administratif ' +
  'préalable à la Présidente du Conseil de Paris, dans un délai de deux mois à compter de la réception de ce courrier ' +
  '(article L262-47 du code de l’action sociale et des familles). Vous pouvez ensuite saisir le tribunal administratif ' +
  'de Paris dans un délai de deux mois suivant la réponse à ce recours, ou le rejet implicite né du silence gardé ' +
  'pendant deux mois. Vous pouvez vous faire accompagner par la personne de votre choix.';

export interface NotificationFacts {
  personName: string;
  decidedOn: string;
  outcome: EpOutcome;
  reason: string | null;
  sanction: Pick<SanctionDto, 'rate' | 'months' | 'startMonth' | 'monthlyWithheldCents'> | null;
}

const frDay = (d: string) => d.split('-').reverse().join('/');

export function epNotificationText(f: NotificationFacts): { title: string; text: string } {
  const lines = [
    `Madame, Monsieur ${f.personName},`,
    '',
    `Après avis de l’équipe pluridisciplinaire, la décision suivante a été prise le ${frDay(f.decidedOn)} concernant ` +
      `votre revenu de solidarité active : ${EP_OUTCOME_LABELS[f.outcome].toLowerCase()}.`,
  ];
  if (f.sanction)
    lines.push(
      '',
      `Votre allocation est suspendue à hauteur de ${f.sanction.rate} % pendant ${f.sanction.months} mois à compter ` +
        `du ${frDay(f.sanction.startMonth)}, soit ${euros(f.sanction.monthlyWithheldCents)} par mois.`,
      'Si vous reprenez les engagements de votre contrat (remobilisation), la suspension prend fin et les sommes ' +
        'retenues vous sont reversées.',
    );
  if (f.reason) lines.push('', `Motifs : ${f.reason}`);
  lines.push('', RSA_VOIES_DE_RECOURS);
  return { title: 'Notification de décision — revenu de solidarité active', text: lines.join('\n') };
}

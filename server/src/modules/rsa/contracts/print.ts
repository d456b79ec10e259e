import { frenchDate, rsaLabel, type LetterValues } from '@jalon/core';
import { logAccess } from '../../../audit/audit.js';
import type { Ctx } from '../../../context.js';
import { notFound } from '../../../errors.js';
import { printFileLetter } from '../../letters/index.js';
import { loadRsaFile } from '../access.js';
import { contractPrintFacts } from './queries.js';

const dateOf = (d: unknown) => frenchDate(new Date(`${String(d).slice(0, 10)}T12:00:00Z`));

/**
 * The contract printed from the letter template `contrat_engagement` (modules/letters; the administrator edits its
 * text): the person, the organisme référent, dates, weekly hours and the plan d'action. A read of the file's RSA part
 * (need-to-know, 404 otherwise), logged as a letter printed.
 */
export async function contractPdf(ctx: Ctx, fileId: string, contractId: string) {
  await loadRsaFile(ctx.db, ctx, fileId);
  const f = await contractPrintFacts(ctx.db, fileId, contractId);
  if (!f) throw notFound('Contrat');
  const hours =
    f.contract.weekly_hours === null
      ? '—'
      : `${f.contract.weekly_hours} heures par semaine${
          f.contract.hours_reason ? ` (durée adaptée : ${rsaLabel('hoursReason', f.contract.hours_reason)})` : ''
        }`;
  const values: LetterValues = {
    'usager.nom': `${f.person.first_names} ${f.person.used_name ?? f.person.birth_name}`,
    'contrat.type': rsaLabel('contractKind', f.contract.kind),
    'contrat.debut': dateOf(f.contract.start_on),
    'contrat.fin': dateOf(f.contract.end_on),
    'contrat.duree': String(f.contract.duration_months),
    'contrat.heures': hours,
    'contrat.plan':
      f.actions.length === 0
        ? 'Aucune action inscrite.'
        : f.actions
            .map((a) => `- ${a.theme} / ${a.objective} : ${a.label} (${rsaLabel('actionStatus', a.status)})`)
            .join('\n'),
    'orientation.organisme': f.organisme ? rsaLabel('organisme', f.organisme) : null,
    'referent_rsa.nom': f.referentName,
  };
  const printed = await printFileLetter(ctx.db, 'contrat_engagement', fileId, values, ctx.now);
  await logAccess(ctx.db, ctx, fileId, 'courrier');
  return printed;
}

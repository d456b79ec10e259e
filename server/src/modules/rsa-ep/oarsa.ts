import { EP_MOTIF_LABELS, EP_MOTIFS, EP_OUTCOME_LABELS, EP_OUTCOMES, oneWayTable } from '@jalon/core';
import type { OarsaScope, OarsaSection } from '../rsa/index.js';
import { epPassagesInYear, sanctionsInYear } from './queries.js';

const count = <T>(rows: readonly T[], key: (r: T) => string, cols: readonly string[]) =>
  cols.map((c) => rows.filter((r) => key(r) === c).length);

const BREACHES = { premier: 'Premier manquement', repetition: 'Manquement répété' };
const STATUSES = { en_cours: 'En cours ou échue', levee: 'Levée (remobilisation)' };

const day = (v: unknown) => (v === null || v === undefined ? null : String(v).slice(0, 10));

/**
 * The équipe pluridisciplinaire and the sanctions in the DREES OARSA export (docs/api.md, "OARSA"; domain.md §3): the
 * year's referrals by motif, the decisions by outcome, the sanctions by breach and by remobilisation, each as it stood
 * on the period's last day (`ref`). Count tables only: the export protects them (statistical secret) before printing.
 */
export async function epOarsaSections(s: OarsaScope): Promise<OarsaSection[]> {
  const passages = await epPassagesInYear(s.db, s.siteId, s.from, s.to);
  // As things stood at the end of the period: a decision taken after it, a remobilisation after it do not count.
  const decided = passages.filter((p) => p.outcome !== null && (day(p.decided_on) ?? '') <= s.ref);
  const sanctions = (await sanctionsInYear(s.db, s.siteId, s.from, s.to)).map((x) => ({
    breach: x.breach,
    status: x.status === 'levee' && (day(x.lifted_on) ?? '') <= s.ref ? 'levee' : 'en_cours',
  }));
  const breaches = Object.keys(BREACHES);
  const statuses = Object.keys(STATUSES);
  return [
    {
      kind: 'table',
      title: `Passages en équipe pluridisciplinaire en ${s.year}, par motif`,
      table: oneWayTable(
        'motif',
        [...EP_MOTIFS],
        count(passages, (p) => p.motif, EP_MOTIFS),
      ),
      labels: { colVar: 'Motif', cols: EP_MOTIF_LABELS },
      shares: true,
    },
    {
      kind: 'table',
      title: `Décisions après passage en équipe pluridisciplinaire en ${s.year}, par décision`,
      table: oneWayTable(
        'decision',
        [...EP_OUTCOMES],
        count(decided, (p) => p.outcome ?? '', EP_OUTCOMES),
      ),
      labels: { colVar: 'Décision', cols: EP_OUTCOME_LABELS },
      shares: true,
    },
    {
      kind: 'table',
      title: `Sanctions (suspension-remobilisation) décidées en ${s.year}, par manquement`,
      table: oneWayTable(
        'manquement',
        breaches,
        count(sanctions, (x) => x.breach, breaches),
      ),
      labels: { colVar: 'Manquement', cols: BREACHES },
    },
    {
      kind: 'table',
      title: `Sanctions décidées en ${s.year}, levées ou non par une remobilisation`,
      table: oneWayTable(
        'levee',
        statuses,
        count(sanctions, (x) => x.status, statuses),
      ),
      labels: { colVar: 'Suite', cols: STATUSES },
      shares: true,
    },
  ];
}

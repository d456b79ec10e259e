import { CONTRACT_DURATIONS, ORGANISMES, ORIENTATION_KINDS, oneWayTable, type StatTable } from '@jalon/core';
import { contractsInYear, decisionsInYear, soumisAt } from './queries.js';
import { registerOarsaProvider, type OarsaScope, type OarsaSection } from './providers.js';

const BANDS = { moins_6_mois: 'Moins de 6 mois', '6_12_mois': 'De 6 à 12 mois', un_an_et_plus: 'Un an et plus' };
const ORIENTED = { oriente: 'Orientées', non_oriente: 'Non orientées' };
const count = <T>(rows: readonly T[], key: (r: T) => string, cols: readonly string[]) =>
  cols.map((c) => rows.filter((r) => key(r) === c).length);

/** Stock, orientation by seniority, organisme référent, contract in force: the snapshot of the year's end. */
async function stock(s: OarsaScope): Promise<OarsaSection[]> {
  const rows = await soumisAt(s.db, s.siteId, s.ref);
  const bands = Object.keys(BANDS);
  const byBand: StatTable = {
    rowVar: 'anciennete',
    colVar: 'orientation',
    rows: bands,
    cols: Object.keys(ORIENTED),
    cells: bands.map((b) => {
      const inBand = rows.filter((r) => r.band === b);
      const oriented = inBand.filter((r) => r.organisme !== null).length;
      return [oriented, inBand.length - oriented];
    }),
  };
  const oriented = rows.filter((r) => r.organisme !== null);
  const organismes = Object.keys(ORGANISMES);
  return [
    {
      kind: 'table',
      title: `Personnes soumises aux droits et devoirs au ${s.ref}, orientées ou non, par ancienneté dans les droits et devoirs`,
      table: byBand,
      labels: { rowVar: 'Ancienneté', colVar: 'Orientation', rows: BANDS, cols: ORIENTED },
      shares: true,
    },
    {
      kind: 'table',
      title: `Personnes orientées au ${s.ref}, par organisme référent`,
      table: oneWayTable(
        'organisme',
        organismes,
        count(oriented, (r) => r.organisme ?? '', organismes),
      ),
      labels: { colVar: 'Organisme référent', cols: ORGANISMES },
      shares: true,
    },
    {
      kind: 'table',
      title: `Personnes soumises aux droits et devoirs au ${s.ref}, avec ou sans contrat en cours de validité`,
      table: oneWayTable(
        'contrat',
        ['avec', 'sans'],
        [rows.filter((r) => r.contract).length, rows.filter((r) => !r.contract).length],
      ),
      labels: {
        colVar: 'Contrat d’engagement (ou CER, PPAE) en cours',
        cols: { avec: 'Avec contrat', sans: 'Sans contrat' },
      },
      shares: true,
    },
  ];
}

/** The year's flows: delay to the first orientation, réorientations, contracts by duration and action theme. */
async function flows(s: OarsaScope): Promise<OarsaSection[]> {
  const decisions = await decisionsInYear(s.db, s.siteId, s.from, s.to);
  const firsts = decisions.filter((d) => !d.reorientation && d.delay !== null && d.delay >= 0);
  const re = decisions.filter((d) => d.reorientation);
  const kinds = Object.keys(ORIENTATION_KINDS);
  const { durations, themes } = await contractsInYear(s.db, s.siteId, s.from, s.to);
  const durs = CONTRACT_DURATIONS.map(String);
  return [
    {
      kind: 'mean',
      title: `Délai moyen entre l’entrée dans les droits et devoirs et la première orientation (décisions de ${s.year})`,
      values: firsts.map((d) => d.delay ?? 0),
      unit: 'jours',
    },
    {
      kind: 'table',
      title: `Réorientations décidées en ${s.year}, par nouvelle orientation`,
      table: oneWayTable(
        'reorientation',
        kinds,
        count(re, (d) => d.kind, kinds),
      ),
      labels: { colVar: 'Nouvelle orientation', cols: ORIENTATION_KINDS },
    },
    {
      kind: 'table',
      title: `Contrats d’engagement débutant en ${s.year}, par durée`,
      table: oneWayTable(
        'duree',
        durs,
        durs.map((d) => durations.find((x) => String(x.duration) === d)?.n ?? 0),
      ),
      labels: { colVar: 'Durée', cols: Object.fromEntries(durs.map((d) => [d, `${d} mois`])) },
    },
    {
      kind: 'table',
      title: `Actions des plans des contrats débutant en ${s.year}, par thème`,
      // No action yet: one empty category, so the table still prints (a table needs a column).
      table:
        themes.length === 0
          ? oneWayTable('theme', ['aucune'], [0])
          : oneWayTable(
              'theme',
              themes.map((t) => t.theme),
              themes.map((t) => t.n),
            ),
      labels: { colVar: 'Thème', cols: { aucune: 'Aucune action' } },
    },
  ];
}

registerOarsaProvider({ key: 'rsa.stock', sections: stock });
registerOarsaProvider({ key: 'rsa.flows', sections: flows });

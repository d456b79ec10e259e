import type { AccessExportPart } from '../../platform/module.js';
import type { Trx } from '../../db/schema.js';
import { findGenogram } from './queries.js';
import { openPayload } from './service.js';

const SEX = { male: 'Homme', female: 'Femme', unknown: 'Inconnu', other: 'Autre' } as const;

/** The genogram's part of the person's access export (RGPD art. 15): each person drawn, with its years. */
export async function exportGenogram(trx: Trx, fileId: string): Promise<AccessExportPart | null> {
  const row = await findGenogram(trx, fileId);
  if (!row) return null;
  const g = openPayload(row);
  return {
    key: 'genogram',
    title: 'Génogramme (carte familiale du référent)',
    items: g.persons.map((p) => [
      { label: 'Personne', value: p.label || '(sans nom)' },
      { label: 'Sexe', value: SEX[p.sex] },
      { label: 'Naissance', value: p.birthYear ? String(p.birthYear) : '—' },
      { label: 'Décès', value: p.deceased ? (p.deathYear ? String(p.deathYear) : 'oui') : '—' },
    ]),
  };
}

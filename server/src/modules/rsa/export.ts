import { rsaLabel } from '@jalon/core';
import type { Trx } from '../../db/schema.js';
import type { AccessExportPart } from '../../platform/module.js';
import { contractRowsOfFile } from './contracts/queries.js';
import { decisionsOfFile } from './orientation/queries.js';
import { rsaPersonsOfFile } from './queries.js';

const day = (v: unknown) => (v === null || v === undefined ? '—' : String(v).slice(0, 10));
const coded = (list: Parameters<typeof rsaLabel>[0], code: string | null) =>
  code === null ? '—' : `${code} – ${rsaLabel(list, code)}`;

/** The RSA part of the person's access export (RGPD art. 15): each block, orientation decision and contract. */
export async function exportRsa(trx: Trx, fileId: string): Promise<AccessExportPart | null> {
  const [blocks, decisions, contracts] = await Promise.all([
    rsaPersonsOfFile(trx, fileId),
    decisionsOfFile(trx, fileId),
    contractRowsOfFile(trx, fileId),
  ]);
  if (blocks.length + decisions.length + contracts.length === 0) return null;
  return {
    key: 'rsa',
    title: 'Suivi RSA (droits et devoirs, orientation, contrats)',
    items: [
      ...blocks.map((b) => [
        { label: 'Droit RSA', value: coded('etatdosrsa', b.etatdosrsa) },
        { label: 'Prestation', value: coded('natpf', b.natpf) },
        { label: 'Soumis aux droits et devoirs', value: b.toppersdrodevorsa ? 'Oui' : 'Non' },
        { label: 'Rôle', value: coded('rolepers', b.rolepers) },
        { label: 'N° allocataire', value: b.num_allocataire ?? '—' },
        { label: 'Entrée dans les droits et devoirs', value: day(b.dd_since) },
      ]),
      ...decisions.map((d) => [
        { label: 'Orientation', value: rsaLabel('orientationKind', d.kind) ?? '—' },
        { label: 'Organisme référent', value: rsaLabel('organisme', d.organisme) ?? '—' },
        { label: 'Décidée le', value: day(d.decided_on) },
        { label: 'Réorientation', value: d.reorientation ? 'Oui' : 'Non' },
      ]),
      ...contracts.map((c) => [
        { label: 'Contrat', value: rsaLabel('contractKind', c.kind) ?? '—' },
        { label: 'Du', value: day(c.start_on) },
        { label: 'Au', value: day(c.end_on) },
        { label: 'Signé le', value: day(c.signed_on) },
      ]),
    ],
  };
}

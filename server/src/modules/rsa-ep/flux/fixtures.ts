/**
 * Synthetic CAF flux files for the tests and the bench (docs/api.md, "RSA : flux CAF"): invented persons only, in the
 * structure the parser reads (IdentificationFlux, then InfosFoyerRSA with its Personne blocks).
 */
export interface FluxPerson {
  matricule: string;
  nom: string;
  prenom: string;
  dtnai: string;
  rolepers?: string;
  etatdosrsa?: string;
  natpf?: string;
  top?: '0' | '1';
  sitpersdemrsa?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const tag = (name: string, v: string | undefined) => (v === undefined ? '' : `<${name}>${esc(v)}</${name}>`);

const headXml = (head: { natflux: string; dtcreaflux: string }) => [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<FluxBeneficiaires>',
  `<IdentificationFlux><TYPEFLUX>M</TYPEFLUX><NATFLUX>${head.natflux}</NATFLUX><DTCREAFLUX>${head.dtcreaflux}</DTCREAFLUX></IdentificationFlux>`,
];

function foyerXml(matricule: string, ps: readonly FluxPerson[]): string[] {
  const f = ps[0];
  const out = [
    '<InfosFoyerRSA>',
    `<IdentificationRSA>${tag('MATRICULE', matricule)}</IdentificationRSA>`,
    `<SituationDossierRSA>${tag('ETATDOSRSA', f?.etatdosrsa ?? '2')}</SituationDossierRSA>`,
    `<DetailDroitRSA>${tag('NATPF', f?.natpf ?? 'RSD')}</DetailDroitRSA>`,
  ];
  for (const p of ps)
    out.push(
      '<Personne>',
      `<Identification>${tag('NOM', p.nom)}${tag('PRENOM', p.prenom)}${tag('DTNAI', p.dtnai)}</Identification>`,
      `<Prestations><NATPREST>RSA</NATPREST>${tag('ROLEPERS', p.rolepers ?? 'DEM')}</Prestations>`,
      `<Calculdroitrsa>${tag('TOPPERSDRODEVORSA', p.top ?? '1')}</Calculdroitrsa>`,
      tag('SITPERSDEMRSA', p.sitpersdemrsa),
      '</Personne>',
    );
  out.push('</InfosFoyerRSA>');
  return out;
}

/** One foyer per distinct matricule, its persons in order. */
export function cafFlux(persons: readonly FluxPerson[], head = { natflux: 'BENEF', dtcreaflux: '2026-12-01' }): string {
  const foyers = new Map<string, FluxPerson[]>();
  for (const p of persons) foyers.set(p.matricule, [...(foyers.get(p.matricule) ?? []), p]);
  const out = headXml(head);
  for (const [matricule, ps] of foyers) out.push(...foyerXml(matricule, ps));
  out.push('</FluxBeneficiaires>');
  return out.join('\n');
}

/**
 * The flux of `n` invented demandeurs (`syntheticPersons`, one foyer each) as 64 KB slices made as they are read: the
 * bench's file is never whole in its memory, as a file uploaded to the server is not. `vary` changes a person (by its
 * number) as a later month's flux would.
 */
export function* cafFluxSlices(
  n: number,
  offset: number,
  head = { natflux: 'BENEF', dtcreaflux: '2026-12-01' },
  vary: (k: number, p: FluxPerson) => FluxPerson = (_k, p) => p,
) {
  let buf = `${headXml(head).join('\n')}\n`;
  for (let i = 0; i < n; i++) {
    const p = vary(offset + i, syntheticPersons(1, offset + i)[0]!);
    buf += `${foyerXml(p.matricule, [p]).join('\n')}\n`;
    if (buf.length >= 1 << 16) {
      yield Buffer.from(buf);
      buf = '';
    }
  }
  yield Buffer.from(`${buf}</FluxBeneficiaires>`);
}

/** `n` invented demandeurs (bench and volume tests). */
export const syntheticPersons = (n: number, offset = 0): FluxPerson[] =>
  Array.from({ length: n }, (_, i) => {
    const k = i + offset;
    return {
      matricule: String(1_000_000 + (k % 9_000_000)).padStart(7, '0'),
      nom: `Fluxnom${k.toString(36)}`,
      prenom: ['Camille', 'Dominique', 'Alex', 'Sacha'][k % 4] ?? 'Camille',
      dtnai: `19${50 + (k % 50)}-0${1 + (k % 9)}-1${k % 10}`,
    };
  });

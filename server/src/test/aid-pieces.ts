import type { FastifyInstance } from 'fastify';
import type { Session } from './factories.js';

/**
 * Uploads, through the documents API, one small PDF of each type the aids' checklists ask for
 * (core/src/commission/pieces.ts): identity, CAF certificate (resources and CAF), lease, rent receipt (domicile and
 * quittance), supplier's bill, RIB. A file so equipped may be deposited « complète » for any aid.
 */
export const AID_PIECE_TYPES = ['piece_identite', 'attestation_caf', 'bail', 'quittance', 'facture', 'rib'] as const;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

function multipart(type: string) {
  const boundary = `----jalonPieces${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\n${type}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${type}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function giveAidPieces(
  app: FastifyInstance,
  s: Session,
  fileId: string,
  types: readonly string[] = AID_PIECE_TYPES,
): Promise<void> {
  for (const type of types) {
    const body = multipart(type);
    const r = await app.inject({
      method: 'POST',
      url: `/api/usagers/${fileId}/documents`,
      headers: { ...s.send, 'content-type': body.contentType },
      payload: body.payload,
    });
    if (r.statusCode !== 201) throw new Error(`upload of ${type} failed ${r.statusCode} ${r.body}`);
  }
}

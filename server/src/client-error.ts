import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Errors Node's HTTP parser raises before any route or hook runs (a malformed request line or query bytes, headers
 * too large, conflicting length headers, a timeout): the same French error envelope and security headers as every
 * other answer (docs/security.md, Bad input), written on the raw socket, which is then closed.
 */
const ANSWERS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'En-têtes de la requête trop volumineux'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'Requête trop lente : la connexion a été fermée, réessayez'],
};
const MALFORMED: [number, string, string] = [400, 'bad_request', 'Requête HTTP mal formée : elle a été refusée'];

export function frenchClientError(headers: () => Record<string, string>) {
  return (err: Error & { code?: string }, socket: Socket): void => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    if (!socket.writable) {
      socket.destroy(err);
      return;
    }
    const [status, code, message] = ANSWERS[err.code ?? ''] ?? MALFORMED;
    const body = JSON.stringify({ error: { code, message } });
    const lines = [
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Bad Request'}`,
      'content-type: application/json; charset=utf-8',
      `content-length: ${Buffer.byteLength(body)}`,
      'cache-control: no-store',
      'connection: close',
      ...Object.entries(headers()).map(([k, v]) => `${k}: ${v}`),
    ];
    socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
  };
}

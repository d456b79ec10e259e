import type { AidApplicationDto } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Session } from './factories.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Requests as a logged-in person: `inject` sends a GET with the session, a mutation with its CSRF token too; `ok` is
 * the same, its status checked (200 unless told). `app` is read at each call (the test app is built in `beforeAll`).
 */
export function requestsAs(app: () => FastifyInstance) {
  const inject = (s: Session, method: Method, url: string, payload?: object) =>
    app().inject({ method, url, headers: method === 'GET' ? s.get : s.send, payload });
  const ok = async (s: Session, method: Method, url: string, payload?: object, status = 200) => {
    const r = await inject(s, method, url, payload);
    expect(r.statusCode, r.body).toBe(status);
    return r;
  };
  return { inject, ok };
}

/** The aid applications' calls: `create` (201 expected), a transition, and a transition that must pass (200). */
export function aidRequestsAs(app: () => FastifyInstance) {
  const { inject } = requestsAs(app);
  const create = async (s: Session, fileId: string, body: object) => {
    const r = await inject(s, 'POST', `/api/usagers/${fileId}/aid-applications`, body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as AidApplicationDto;
  };
  const move = (s: Session, id: string, body: object) =>
    inject(s, 'POST', `/api/aid-applications/${id}/transitions`, body);
  const moveOk = async (s: Session, id: string, body: object) => {
    const r = await move(s, id, body);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as AidApplicationDto;
  };
  /** Created, filed, instructed and sent to the commission by `s` (the file holds its pièces). */
  const inCommission = async (s: Session, fileId: string, body: object) => {
    const { id } = await create(s, fileId, body);
    for (const to of ['deposee_complete', 'en_instruction', 'commission_ordinaire']) await moveOk(s, id, { to });
    return id;
  };
  return { inject, create, move, moveOk, inCommission };
}

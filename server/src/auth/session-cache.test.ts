import { describe, expect, it } from 'vitest';
import { appWithSite } from '../test/app-with-site.js';
import { buildUser, loginAs } from '../test/factories.js';
import { IDLE_TIMEOUT_MS, SESSION_CACHE_TTL_MS } from './sessions.js';

/** Resolved sessions are cached a few seconds (docs/benchmarks.md); what changes a session through this process applies at once. */

const { t, site, worker } = appWithSite();
const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers });

describe('session cache', () => {
  it('logout applies at once, even to a session read a moment before', async () => {
    const s = await loginAs(t.app, await worker());
    expect((await me(s.get)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.send })).statusCode).toBeLessThan(
      300,
    );
    expect((await me(s.get)).statusCode).toBe(401);
  });

  it('an administrator deactivating a user ends the cached session at once', async () => {
    const u = await worker();
    const s = await loginAs(t.app, u);
    expect((await me(s.get)).statusCode).toBe(200);
    const admin = await loginAs(t.app, await buildUser(t.db, 'admin_fonctionnel', null));
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${u.id}`,
      headers: admin.send,
      payload: { active: false },
    });
    expect(res.statusCode).toBe(200);
    expect((await me(s.get)).statusCode).toBe(401);
  });

  it('a change written by another process is seen within the cache lifetime', async () => {
    const u = await worker();
    const s = await loginAs(t.app, u);
    expect((await me(s.get)).statusCode).toBe(200);
    await t.db.deleteFrom('session').where('user_id', '=', u.id).execute(); // as another server process would
    t.clock.advance(SESSION_CACHE_TTL_MS + 1);
    expect((await me(s.get)).statusCode).toBe(401);
  });

  it('the idle timeout is checked at every request, cached or not', async () => {
    const s = await loginAs(t.app, await worker());
    expect((await me(s.get)).statusCode).toBe(200);
    t.clock.advance(IDLE_TIMEOUT_MS + 1);
    expect((await me(s.get)).statusCode).toBe(401);
    expect(site.id).toBeTruthy();
  });
});

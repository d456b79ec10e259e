import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('loads the demo data by default on the embedded database only', () => {
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://db.example/jalon' }).demo).toBe(false);
  });

  it('follows JALON_DEMO when it is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db.example/jalon', JALON_DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ JALON_DEMO: '0' }).demo).toBe(false);
  });

  it('reads the request log, pool size and pg tools folder', () => {
    expect(loadConfig({})).toMatchObject({ log: false, dbPoolMax: 10, pgBin: undefined });
    expect(loadConfig({ JALON_LOG: '1', JALON_DB_POOL_MAX: '20', PG_BIN: '/opt/pg/bin' })).toMatchObject({
      log: true,
      dbPoolMax: 20,
      pgBin: '/opt/pg/bin',
    });
  });
});

import type { AddressInfo } from 'node:net';
import { buildApp } from '../app.js';
import { generateKeyring, installKeyring } from '../crypto/index.js';
import { loadConfig } from '../config.js';
import { openDb } from '../db/connect.js';

/**
 * The app alone in its own process, for the mixed load on PostgreSQL (bench/load.ts): the RSS sampled is the
 * server's, not the bench's. It answers its port on the IPC channel and closes on the next message.
 */
if (process.send) {
  process.once('message', (cfg: { databaseUrl: string }) => {
    void (async () => {
      installKeyring(generateKeyring()); // the notes this run writes are sealed with a key of its own
      const { db, kind, close } = await openDb({ databaseUrl: cfg.databaseUrl, poolMax: loadConfig().dbPoolMax });
      const app = await buildApp({ db, dbKind: kind, clock: () => new Date() });
      await app.listen({ host: '127.0.0.1', port: 0 });
      process.send?.({ port: (app.server.address() as AddressInfo).port });
      process.once('message', () => {
        void app
          .close()
          .then(close)
          .then(() => process.exit(0));
      });
    })().catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
  });
}

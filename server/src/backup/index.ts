export { databaseDigest, type TableDigest } from './digest.js';
export { backupPglite, restorePglite } from './pglite.js';
export { backupPostgres, restorePostgres } from './postgres.js';

import { PLATFORM_SEALED_COLUMNS, type SealedColumn } from '../crypto/sealed-columns.js';
import { installedModules } from './installed.js';

/**
 * Every encrypted column: the platform's (TOTP secrets) and each module's `sealedColumns` (docs/architecture.md,
 * "Module contract"). Start-up sealing, the key check and `keys:rotate` walk this list.
 */
export const allSealedColumns = (): SealedColumn[] => [
  ...PLATFORM_SEALED_COLUMNS,
  ...installedModules().flatMap((m) => m.sealedColumns ?? []),
];

export { DecryptError, isSealed, keyIdOf, open, seal } from './envelope.js';
export { aadOf, activeKeyring, installKeyring, openText, sealText } from './fields.js';
export { addKey, generateKeyring, loadOrCreateKeyFile, readKeyFile, writeKeyFile, type Keyring } from './keyring.js';
export { resealAll, type ResealResult } from './reseal.js';
export { PLATFORM_SEALED_COLUMNS, type SealedColumn } from './sealed-columns.js';
export { assertKeyOpensData, keyFilePath, loadKeyring } from './startup.js';
export { rotateKeys, type RotationResult } from './rotate.js';

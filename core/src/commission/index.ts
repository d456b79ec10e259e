export * from './pieces.js';
export * from './payment-file.js';
export * from './schemas.js';
export * from './policy.js';
export type * from './dto.js';
export * from './statistics.js';

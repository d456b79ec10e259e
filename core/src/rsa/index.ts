export * from './codes.js';
export * from './orientation.js';
export * from './rules.js';
export * from './schemas.js';
export type * from './dto.js';
export * from './tasks.js';

export * from './domain.js';
export * from './schemas.js';
export * from './policy.js';

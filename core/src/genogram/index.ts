export * from './schema.js';
export * from './layout.js';
export * from './policy.js';
export * from './fixtures.js';
export * from './render.js';

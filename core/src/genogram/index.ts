export * from './schema.js';
export * from './layout.js';

/** Imports (docs/architecture.md, "Import pipeline"): legacy fields, profiles, the import rule, inputs and DTOs. */
export * from './fields.js';
export * from './policy.js';
export * from './schemas.js';
export type * from './dto.js';

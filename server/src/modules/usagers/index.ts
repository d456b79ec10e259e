/**
 * The usagers module's public surface (docs/architecture.md, "Module contract"): what other modules, and the imports
 * to come, may call.
 */
export { findLikelyDuplicates, type PersonKeys } from './duplicates.js';

import type { Migration } from 'kysely';
import * as m202611250700 from './202611250700_create_foundation.js';

/** Every migration, in order. Frozen once shipped: add a new file, never edit an old one. */
export const migrations: Record<string, Migration> = {
  '202611250700_create_foundation': m202611250700,
};

import type { ColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Dates (SQL `date`) travel as yyyy-mm-dd strings in both drivers. */
export type DateStr = string;

import type { DateStr, Timestamp } from './columns.js';

export interface StatPopulationTable {
  month: DateStr;
  site_id: string;
  team_id: string | null;
  arrondissement: number;
  dimension: string;
  category: string;
  persons: number;
}
export interface StatFlowTable {
  month: DateStr;
  site_id: string;
  team_id: string | null;
  arrondissement: number;
  indicator: string;
  category: string;
  count: number;
}
export interface StatWaitTable {
  month: DateStr;
  site_id: string;
  team_id: string | null;
  arrondissement: number;
  days: number;
  persons: number;
}
export interface StatRefreshTable {
  id: number;
  refreshed_at: Timestamp;
  first_month: DateStr;
  duration_ms: number;
}

import type { StatTable } from '@jalon/core';
import type { Queryable } from '../../../db/schema.js';

/** What an OARSA indicator is computed over: one published year, one scope (a site, or all for the administrator). */
export interface OarsaScope {
  db: Queryable;
  siteId: string | null;
  year: number;
  /** 31 December of the year, or today for the current year (the stock is a snapshot). */
  ref: string;
  from: string;
  to: string;
}

/**
 * One section of the export: a count table, protected by the statistics module's disclosure control (ADR 009) before
 * anything is printed, with the labels of its categories; or a mean, printed only over enough persons.
 */
export type OarsaSection =
  | {
      kind: 'table';
      title: string;
      table: StatTable;
      labels: { rows?: Record<string, string>; cols?: Record<string, string>; colVar: string; rowVar?: string };
      /** Print the share of each column in the row (a percentage), from published values only. */
      shares?: boolean;
    }
  | { kind: 'mean'; title: string; values: readonly number[]; unit: string };

/**
 * The extension point of the export (docs/api.md, "OARSA"): each provider adds its sections. The équipe
 * pluridisciplinaire and the sanctions (module rsa-ep) add theirs with `registerOarsaProvider`.
 */
export interface OarsaProvider {
  key: string;
  sections: (scope: OarsaScope) => Promise<OarsaSection[]>;
}

const providers: OarsaProvider[] = [];

/** Adds a provider (once per key: a second registration replaces the first). */
export function registerOarsaProvider(p: OarsaProvider): void {
  const i = providers.findIndex((x) => x.key === p.key);
  if (i >= 0) providers[i] = p;
  else providers.push(p);
}
export const oarsaProviders = (): readonly OarsaProvider[] => providers;

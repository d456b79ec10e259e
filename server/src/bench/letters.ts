import type { Db } from '../db/schema.js';
import { renderConvocationBatch } from '../modules/letters/index.js';

export interface LettersBench {
  letters: number;
  ms: number;
  bytes: number;
}

/**
 * The day's convocations of a site as one PDF (docs/benchmarks.md, "Letters"): `count` letters of real files of the
 * dataset rendered in one batch (template, facts, text, PDF), timed end to end. Target: 50 letters ≤ 3 s.
 */
export async function measureLetters(db: Db, count = 50): Promise<LettersBench> {
  const started = performance.now();
  const { letters, pdf } = await renderConvocationBatch(db, count, new Date());
  return { letters, ms: performance.now() - started, bytes: pdf.length };
}

/**
 * Two pages in flight, as the analysis and the commit run them (docs/adr/013-staged-imports.md, "Revision" and "Third
 * pass"): the next page is read ahead (`read(after)`: Node decrypts and validates it while PostgreSQL works on the
 * page before), then handed to `run` at once, so that at most two pages run, each in its transaction on its own
 * connection — unless `independent` says it shares something with the page before, when it waits for that one to end.
 * Pages are counted (`progress`) in page order as they end. A failure lets the other page in flight end (committed or
 * rolled back) before it is thrown. Returns the rows done.
 */
export async function twoInFlight<P>(o: {
  read: (after: number) => Promise<P>;
  /** The page's rows (0: nothing left) and the `seq` of its last row, where the next page starts. */
  rows: (page: P) => number;
  lastSeq: (page: P) => number;
  run: (page: P) => Promise<void>;
  /** Absent: pages never wait for each other. */
  independent?: (before: P, page: P) => boolean;
  progress: (done: number) => Promise<void>;
}): Promise<number> {
  let done = 0;
  let next = o.read(0);
  let previous: { page: P; saved: Promise<void> } | null = null;
  const ended = async (p: { page: P; saved: Promise<void> }) => {
    await p.saved;
    done += o.rows(p.page);
    await o.progress(done);
  };
  try {
    for (;;) {
      const page = await next;
      if (!o.rows(page)) break;
      next = o.read(o.lastSeq(page));
      // The read ahead fails with the page that follows: awaited then, never left unhandled meanwhile.
      next.catch(() => {});
      if (previous && o.independent && !o.independent(previous.page, page)) {
        const before = previous;
        previous = null;
        await ended(before);
      }
      const saved = o.run(page);
      saved.catch(() => {});
      const before = previous;
      previous = { page, saved };
      if (before) await ended(before);
    }
    if (previous) await ended(previous);
  } catch (err) {
    await Promise.allSettled([previous?.saved]);
    throw err;
  }
  return done;
}

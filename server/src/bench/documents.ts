/**
 * Upload and download of a 10 MB document through the HTTP API (docs/benchmarks.md, "Building blocks"): multipart
 * upload streamed, sealed in 1 MB chunks, then the bytes streamed back and counted. Throughput in MB/s
 * (1 MB = 2^20 bytes). The file is a PDF by its first bytes, the rest filler: the content is not what is measured.
 */
export interface DocumentsBench {
  bytes: number;
  runs: number;
  uploadMs: number;
  downloadMs: number;
  uploadMBps: number;
  downloadMBps: number;
}

export interface BenchSession {
  cookie: string;
  csrf: string;
}

const MB = 2 ** 20;

export function benchPdf(bytes: number): Buffer {
  const body = Buffer.alloc(bytes, 0x20);
  body.write('%PDF-1.7\n', 0, 'latin1');
  body.write('%%EOF', bytes - 5, 'latin1');
  return body;
}

async function uploadOnce(base: string, s: BenchSession, fileId: string, pdf: Buffer): Promise<string> {
  const form = new FormData();
  form.append('type', 'attestation_caf');
  form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'bench.pdf');
  const res = await fetch(`${base}/api/usagers/${fileId}/documents`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: form,
  });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

async function downloadOnce(base: string, s: BenchSession, documentId: string): Promise<number> {
  const res = await fetch(`${base}/api/documents/${documentId}/content`, { headers: { cookie: s.cookie } });
  if (res.status !== 200 || !res.body) throw new Error(`download: ${res.status} ${await res.text()}`);
  let n = 0;
  for await (const chunk of res.body) n += (chunk as Uint8Array).byteLength;
  return n;
}

/** `runs` uploads then downloads of one `sizeMb` document on `fileId`; the median time of each direction. */
export async function measureDocuments(
  base: string,
  s: BenchSession,
  fileId: string,
  opts: { sizeMb?: number; runs?: number } = {},
): Promise<DocumentsBench> {
  const bytes = (opts.sizeMb ?? 10) * MB;
  const runs = opts.runs ?? 3;
  const pdf = benchPdf(bytes);
  const up: number[] = [];
  const down: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    const id = await uploadOnce(base, s, fileId, pdf);
    up.push(performance.now() - t0);
    t0 = performance.now();
    const got = await downloadOnce(base, s, id);
    down.push(performance.now() - t0);
    if (got !== bytes) throw new Error(`download: ${got} bytes instead of ${bytes}`);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const uploadMs = median(up);
  const downloadMs = median(down);
  return {
    bytes,
    runs,
    uploadMs,
    downloadMs,
    uploadMBps: bytes / MB / (uploadMs / 1000),
    downloadMBps: bytes / MB / (downloadMs / 1000),
  };
}

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleResult {
  /** Sum of the gzip sizes of every .js and .css of web/dist/assets, in KB (1,024 bytes). */
  totalGzipKb: number;
  /** The part the first page loads (the files index.html references). */
  initialGzipKb: number;
  files: number;
  built: boolean;
}

const assetsOf = (dist: string) =>
  existsSync(join(dist, 'assets'))
    ? readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    : [];

/** gzip (level 9, as a web server's static gzip) of the built web app; builds it first when web/dist is missing. */
export function measureBundle(root: string): BundleResult {
  const dist = join(root, 'web', 'dist');
  let built = false;
  if (!assetsOf(dist).some((f) => f.endsWith('.js'))) {
    execFileSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
    built = true;
  }
  const files = assetsOf(dist);
  const index = existsSync(join(dist, 'index.html')) ? readFileSync(join(dist, 'index.html'), 'utf8') : '';
  let total = 0;
  let initial = 0;
  for (const f of files) {
    const gz = gzipSync(readFileSync(join(dist, 'assets', f)), { level: 9 }).length;
    total += gz;
    if (index.includes(`/assets/${f}`)) initial += gz;
  }
  return { totalGzipKb: total / 1024, initialGzipKb: initial / 1024, files: files.length, built };
}

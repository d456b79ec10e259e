import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aadOf, sealText } from '../crypto/index.js';
import type { Queryable } from '../db/schema.js';
import { newTotpSecret } from '../auth/totp.js';

/**
 * The demo admin and DPO must use a TOTP factor like real ones: the seed enrols them with a generated secret, written
 * (demo only, synthetic accounts) to `<data dir>/demo-totp.json` so that `npm run totp -- admin` prints the current code.
 */
export async function enrolDemoAccount(trx: Queryable, userId: string, now: Date): Promise<string> {
  const secret = newTotpSecret();
  await trx
    .insertInto('user_second_factor')
    .values({
      user_id: userId,
      secret: sealText(secret, aadOf('user_second_factor', 'secret', userId)),
      enabled_at: now,
    })
    .execute();
  return secret;
}

const FILE = 'demo-totp.json';

export function writeDemoSecrets(dataDir: string, secrets: Record<string, string>): string {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, FILE);
  writeFileSync(path, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}

export function readDemoSecrets(dataDir: string): Record<string, string> {
  const path = join(dataDir, FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
}

/** Start-up lines: how to get the code of the demo accounts with a second factor (writes the file after a seed). */
export function reportDemoSecondFactor(dataDir: string, seeded?: { email: string; totpSecret?: string }[]): void {
  let secrets = readDemoSecrets(dataDir);
  if (seeded) {
    secrets = Object.fromEntries(seeded.filter((a) => a.totpSecret).map((a) => [a.email, a.totpSecret as string]));
    writeDemoSecrets(dataDir, secrets);
  }
  const emails = Object.keys(secrets);
  if (!emails.length) return;
  console.log('Double authentification (TOTP) obligatoire pour l’administrateur et le DPO de démonstration :');
  for (const e of emails)
    console.log(`  ${e}  secret ${secrets[e]}  (à saisir dans une application d’authentification)`);
  console.log(`  ou code du moment : npm run totp -- ${emails[0]?.split('@')[0] ?? 'admin'}`);
}

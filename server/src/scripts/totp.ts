/**
 * Prints the current TOTP code of a demo account (admin, DPO): `npm run totp -- admin` (or the full e-mail).
 * Reads the secrets the demo seed wrote to `<JALON_DATA_DIR>/demo-totp.json`; real accounts are not there.
 */
import { totpCode } from '../auth/totp.js';
import { loadConfig } from '../config.js';
import { DEMO_DOMAIN } from '../demo/seed.js';
import { readDemoSecrets } from '../demo/second-factor.js';

const who = process.argv[2];
const secrets = readDemoSecrets(loadConfig().dataDir);
const logins = Object.keys(secrets).map((e) => e.replace(`@${DEMO_DOMAIN}`, ''));
if (!who) {
  console.error(
    `Usage : npm run totp -- <compte>   (comptes de démonstration avec double authentification : ${logins.join(', ') || 'aucun'})`,
  );
  process.exit(2);
}
const email = who.includes('@') ? who.toLowerCase() : `${who.toLowerCase()}@${DEMO_DOMAIN}`;
const secret = secrets[email];
if (!secret) {
  console.error(
    `Aucun secret de démonstration pour ${email} (comptes connus : ${logins.join(', ') || 'aucun'} ; base créée par la démo ?)`,
  );
  process.exit(1);
}
const now = new Date();
const left = 30 - (Math.floor(now.getTime() / 1000) % 30);
console.log(`${totpCode(secret, now)}   (code de ${email}, valable encore ${left} s)`);

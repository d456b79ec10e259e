/**
 * Writes server/src/auth/common-passwords.txt: the 10,000 most common passwords, most frequent first, from
 * @zxcvbn-ts/language-common (a dev dependency; the app reads only the committed file).
 * Run: node --import tsx server/src/scripts/common-passwords.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dictionary } from '@zxcvbn-ts/language-common';

export const COMMON_PASSWORD_COUNT = 10_000;
const out = fileURLToPath(new URL('../auth/common-passwords.txt', import.meta.url));
const list = (dictionary.passwords as string[]).slice(0, COMMON_PASSWORD_COUNT);
writeFileSync(out, `${list.join('\n')}\n`);
console.log(`${list.length} mots de passe écrits dans ${out}`);

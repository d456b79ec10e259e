import { labelOf, type CodeListId, type CodedValue } from '@jalon/core';

/** The label the server sent, else the core list's, else the raw code (never dropped). */
export const codedLabel = (list: CodeListId, v: CodedValue | null | undefined): string =>
  v ? (v.label ?? labelOf(list, v.code) ?? v.code) : 'Non renseigné';

/** "NOM Prénom", with the used name first when there is one. */
export const personName = (p: { birthName: string; usedName: string | null; firstNames: string }): string =>
  `${(p.usedName || p.birthName).toUpperCase()} ${p.firstNames}`;

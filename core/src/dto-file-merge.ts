/** Fusion de dossiers (docs/api.md): one merge involving a file, as `GET /api/usagers/:id/merges` lists it. */
export interface FileMergeDto {
  id: string;
  kept: { id: string; fileNumber: string };
  absorbed: { id: string; fileNumber: string };
  reason: string;
  mergedAt: string;
  mergedBy: string;
  undoneAt: string | null;
  undoUntil: string;
  canUndo: boolean;
}

/** The answer of `POST /api/usagers/:id/merge`. */
export interface FileMergeResultDto {
  id: string;
  keptId: string;
  absorbedId: string;
  moved: { journalEntries: number; documents: number; sections: number; referents: number; members: number };
  sectionsLeftOnAbsorbed: string[];
  message: string;
  undoUntil: string;
}

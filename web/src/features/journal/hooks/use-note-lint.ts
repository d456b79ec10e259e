import { useMemo } from 'react';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { lintNote, type LintFlag } from '../lint';

/** Flags of the note once typing pauses (~150 ms), with the text they were computed on (offsets refer to it). */
export const useNoteLint = (text: string): { flags: LintFlag[]; text: string } => {
  const debounced = useDebouncedValue(text, 150);
  return useMemo(() => ({ flags: debounced.trim() ? lintNote(debounced) : [], text: debounced }), [debounced]);
};

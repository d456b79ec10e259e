import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PartageListDto } from '@jalon/core';
import { api } from '../../../lib/api-client';

/** Shares and consents of a file (its need-to-know only: the server answers 404 to anyone else). */
export const getPartage = (id: string) => api.get<PartageListDto>(`/usagers/${encodeURIComponent(id)}/shares`);

export const partageQuery = (id: string) =>
  queryOptions({ queryKey: ['usagers', 'file', id, 'partage'], queryFn: () => getPartage(id) });

export const usePartage = (id: string) => useQuery(partageQuery(id));

/** The PDF extract of one share: only the sections shared. */
export const shareExtractHref = (fileId: string, shareId: string) =>
  `/api/usagers/${encodeURIComponent(fileId)}/shares/${encodeURIComponent(shareId)}/extract.pdf`;

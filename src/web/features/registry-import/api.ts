import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  importDetailSchema,
  importModes,
  ImportView,
} from '../../../server/modules/registry/registry-import.schemas.ts';
import type { ImportStatus } from '../../../server/modules/registry/registry-import.tables.ts';
import { api, toQuery } from '../../app/api-client.ts';
import { downloadFile, uploadFile } from '../../app/files.ts';

export type { ImportStatus, ImportView };
export type ImportDetail = z.infer<typeof importDetailSchema>;
export type ImportMode = (typeof importModes)[number];

/** Statuses that change by themselves; the page polls while an import is in one. */
export const busyStatuses: readonly ImportStatus[] = ['validating', 'committing'];

export const importListKey = ['registry-import', 'list'] as const;

const keys = {
  all: ['registry-import'] as const,
  list: importListKey,
  detail: (id: string, page: number) => ['registry-import', 'detail', id, page] as const,
};

export const ERROR_PAGE_SIZE = 50;

/** One of the caller's imports with a page of its row errors; polls every second while validating or committing. */
export function useImport(id: string | null, errorPage: number) {
  return useQuery({
    queryKey: keys.detail(id ?? '', errorPage),
    queryFn: async () =>
      (
        await api<{ data: ImportDetail }>(
          'GET',
          `/registry/imports/${id}${toQuery({ page: errorPage, pageSize: ERROR_PAGE_SIZE })}`,
        )
      ).data,
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data && busyStatuses.includes(query.state.data.status) ? 1000 : false,
  });
}

export function useImports() {
  return useQuery({
    queryKey: keys.list,
    queryFn: async () => (await api<{ data: ImportView[] }>('GET', '/registry/imports')).data,
  });
}

function useImportMutation<Input>(fn: (input: Input) => Promise<ImportDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}

/** Uploads a filled-in template; validation starts on the server and the import is polled. */
export function useUploadImport() {
  return useImportMutation(
    async (file: Blob & { name?: string }) =>
      (await uploadFile<{ data: ImportDetail }>('/registry/imports', file)).data,
  );
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, mode }: { id: string; mode: ImportMode }) =>
      (await api<{ data: ImportDetail }>('POST', `/registry/imports/${id}/commit`, { mode })).data,
    // New residents change every list, card, fact sheet and figure.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useDiscardImport() {
  return useImportMutation(
    async (id: string) => (await api<{ data: ImportDetail }>('POST', `/registry/imports/${id}/discard`)).data,
  );
}

export const downloadTemplate = () => downloadFile('/registry/import-template', 'template.xlsx');
export const downloadReport = (id: string) =>
  downloadFile(`/registry/imports/${id}/report.xlsx`, 'report.xlsx');

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApiMutation, type QueryKeys } from '../../api/cache.ts';
import { api, type Schemas } from '../../api/client.ts';
import { downloadFile, uploadFile } from '../../app/files.ts';

export type ImportView = Schemas['RegistryImport'];
export type ImportStatus = ImportView['status'];
export type ImportDetail = Schemas['RegistryImportDetail'];
export type ImportMode = Schemas['CommitImportRequest']['mode'];

/** Statuses that change by themselves; the page polls while an import is in one. */
export const busyStatuses: readonly ImportStatus[] = ['validating', 'committing'];

export const importListKey = ['registry-import', 'list'] as const;

const keys = {
  list: importListKey,
  detail: (id: string, page: number) => ['registry-import', 'detail', id, page] as const,
} satisfies QueryKeys;

export const ERROR_PAGE_SIZE = 50;

/** One of the caller's imports with a page of its row errors; polls every second while validating or committing. */
export function useImport(id: string | null, errorPage: number) {
  return useQuery({
    queryKey: keys.detail(id ?? '', errorPage),
    queryFn: async () =>
      (
        await api.get('/registry/imports/{id}', {
          path: { id: id ?? '' },
          query: { page: errorPage, pageSize: ERROR_PAGE_SIZE },
        })
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
    queryFn: async () => (await api.get('/registry/imports')).data,
  });
}

/** Uploads a filled-in template; validation starts on the server and the import is polled. */
export function useUploadImport() {
  return useApiMutation(
    'POST /registry/imports',
    async (file: Blob & { name?: string }) => (await uploadFile('/registry/imports', file)).data,
  );
}

export function useCommitImport() {
  return useApiMutation(
    'POST /registry/imports/{id}/commit',
    async ({ id, mode }: { id: string; mode: ImportMode }, send) =>
      (await send({ path: { id }, body: { mode } })).data,
  );
}

export function useDiscardImport() {
  return useApiMutation(
    'POST /registry/imports/{id}/discard',
    async (id: string, send) => (await send({ path: { id } })).data,
  );
}

export const downloadTemplate = () =>
  downloadFile('/registry/import-template', { fileName: 'template.xlsx' });
export const downloadReport = (id: string) =>
  downloadFile('/registry/imports/{id}/report.xlsx', { path: { id }, fileName: 'report.xlsx' });

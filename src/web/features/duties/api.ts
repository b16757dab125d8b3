import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApiMutation, type QueryKeys } from '../../api/cache.ts';
import { api, type Schemas } from '../../api/client.ts';
import { uploadFile } from '../../app/files.ts';
import { dataUrlBlob } from '../../components/photo.ts';

export type DutyItem = Schemas['DutyItem'];
export type DutyTask = Schemas['DutyTask'];
export type DutyBoard = Schemas['DutyBoard'];
export type CreateItemInput = Schemas['CreateDutyItemRequest'];
export type UpdateItemInput = Schemas['UpdateDutyItemRequest'];
export type RoleGroup = DutyItem['roleGroup'];
export type DutyMode = DutyItem['mode'];
export type DutyFrequency = DutyItem['frequency'];
export type DutyEvidence = DutyItem['evidence'];
export type TaskView = 'today' | 'week' | 'overdue' | 'done';

export const roleGroups: RoleGroup[] = [
  'community_secretary',
  'branch_secretary',
  'registered_cadre',
  'grid_worker',
  'building_leader',
];
export const dutyModes: DutyMode[] = ['normal', 'emergency'];
export const dutyFrequencies: DutyFrequency[] = ['daily', 'weekly', 'monthly', 'per_round', 'on_event'];
export const dutyEvidence: DutyEvidence[] = ['none', 'note', 'visit', 'photo'];

export type ItemFilter = { roleGroup?: RoleGroup; mode?: DutyMode; retired?: 'true' };
export type BoardFilter = { territoryId?: string; from?: string; to?: string };

const keys = {
  items: (filter: ItemFilter) => ['duties', 'items', filter] as const,
  mine: (view: TaskView) => ['duties', 'mine', view] as const,
  board: (filter: BoardFilter) => ['duties', 'board', filter] as const,
  overdue: (territoryId?: string) => ['duties', 'overdue', territoryId ?? ''] as const,
} satisfies QueryKeys;

export function useDutyItems(filter: ItemFilter) {
  return useQuery({
    queryKey: keys.items(filter),
    queryFn: async () => (await api.get('/duties/items', { query: filter })).data,
    placeholderData: keepPreviousData,
  });
}

export function useCreateItem() {
  return useApiMutation(
    'POST /duties/items',
    async (body: CreateItemInput, send) => (await send({ body })).data,
  );
}

export function useUpdateItem() {
  return useApiMutation(
    'PATCH /duties/items/{id}',
    async ({ id, ...body }: UpdateItemInput & { id: string }, send) =>
      (await send({ path: { id }, body })).data,
  );
}

export function useMyTasks(view: TaskView, enabled = true) {
  return useQuery({
    queryKey: keys.mine(view),
    queryFn: async () => (await api.get('/duties/tasks/mine', { query: { view } })).data,
    enabled,
  });
}

export function useCompleteTask() {
  return useApiMutation(
    'POST /duties/tasks/{id}/complete',
    async ({ id, note }: { id: string; note?: string }, send) =>
      (await send({ path: { id }, body: { note } })).data,
  );
}

/** Attaches a task's evidence photo (a downsized JPEG as a data URL) before it is completed. */
export async function uploadTaskPhoto(taskId: string, photo: string) {
  await uploadFile('/duties/task-photos', dataUrlBlob(photo), { field: 'photo', fields: { taskId } });
}

/** Where a task's photo is read (an <img> sends the session cookie; the answer is never cached). */
export const taskPhotoUrl = (taskId: string) => `/api/v1/duties/tasks/${encodeURIComponent(taskId)}/photo`;

export function useTaskBoard(filter: BoardFilter, enabled = true) {
  return useQuery({
    queryKey: keys.board(filter),
    queryFn: async () => (await api.get('/duties/board', { query: filter })).data,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOverdueTasks(territoryId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: keys.overdue(territoryId),
    queryFn: async () =>
      (await api.get('/duties/tasks', { query: { territoryId, status: 'overdue', limit: 500 } })).data,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useGenerate() {
  return useApiMutation(
    'POST /duties/generate',
    async (body: { from?: string; to?: string }, send) => (await send({ body })).data,
  );
}

import { z } from '@hono/zod-openapi';
import { scopeFor } from '../../core/auth/scope.ts';
import { actorOf, requireAuth } from '../../core/http/context.ts';
import {
  createRouter,
  errorResponses,
  jsonContent,
  route,
  routeScope,
  uuidParam,
} from '../../core/http/openapi.ts';
import type { ModuleDeps } from '../../core/kit/module.ts';
import { answerPhoto, photoReadResponse } from '../../core/photos/photos.ts';
import { attachTaskPhoto, taskPhoto } from './duties.photos.ts';
import {
  boardQuery,
  boardSchema,
  completeBody,
  createItemBody,
  generateBody,
  itemListQuery,
  itemSchema,
  myTasksQuery,
  taskListQuery,
  taskPhotoBody,
  taskPhotoSchema,
  taskSchema,
  updateItemBody,
} from './duties.schemas.ts';
import {
  completeTask,
  createItem,
  listItems,
  listTasks,
  myTasks,
  runGeneration,
  taskBoard,
  updateItem,
} from './duties.service.ts';

const itemResponse = jsonContent(z.object({ data: itemSchema }));
const tasksResponse = jsonContent(z.object({ data: z.array(taskSchema) }));

/** Where a task's evidence photo is sent (multipart; its own body limit: duties.module.ts `uploads`). */
export const TASK_PHOTO_PATH = '/duties/task-photos';

export function dutiesRoutes(deps: ModuleDeps) {
  return createRouter()
    .openapi(
      route('duty:read', {
        method: 'get',
        path: '/duties/items',
        tags: ['duties'],
        summary:
          'The duty lists (职责任务清单): the county’s template and the communities’ own items the caller’s scope concerns',
        request: { query: itemListQuery },
        responses: {
          200: { description: 'Items', content: jsonContent(z.object({ data: z.array(itemSchema) })) },
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) => c.json({ data: await listItems(deps.db, routeScope(c), c.req.valid('query')) }, 200),
    )
    .openapi(
      route('duty:manage', {
        method: 'post',
        path: '/duties/items',
        tags: ['duties'],
        summary:
          'Add an item: to the county’s template (the county administrator) or to a community’s own list (communityId)',
        request: { body: { content: jsonContent(createItemBody), required: true } },
        responses: {
          201: { description: 'Added', content: itemResponse },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json({ data: await createItem(deps, routeScope(c), actorOf(c), c.req.valid('json')) }, 201),
    )
    .openapi(
      route('duty:manage', {
        method: 'patch',
        path: '/duties/items/{id}',
        tags: ['duties'],
        summary: 'Edit an item, or retire it (endsOn): items are never deleted',
        request: { params: uuidParam, body: { content: jsonContent(updateItemBody), required: true } },
        responses: {
          200: { description: 'Edited', content: itemResponse },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json(
          {
            data: await updateItem(
              deps,
              routeScope(c),
              actorOf(c),
              c.req.valid('param').id,
              c.req.valid('json'),
            ),
          },
          200,
        ),
    )
    .openapi(
      route('duty:task', {
        method: 'get',
        path: '/duties/tasks/mine',
        tags: ['duties'],
        summary: 'The caller’s own tasks: today’s, this week’s, overdue or recently done',
        request: { query: myTasksQuery },
        responses: {
          200: { description: 'My tasks', content: tasksResponse },
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) =>
        c.json(
          {
            data: await myTasks(deps.db, deps.keys, requireAuth(c).user.id, c.req.valid('query').view),
          },
          200,
        ),
    )
    .openapi(
      route('duty:board', {
        method: 'get',
        path: '/duties/tasks',
        tags: ['duties'],
        summary:
          'Tasks inside the caller’s scope (a community’s board): by place, status (overdue) and due days',
        request: { query: taskListQuery },
        responses: {
          200: { description: 'Tasks', content: tasksResponse },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json({ data: await listTasks(deps.db, deps.keys, routeScope(c), c.req.valid('query')) }, 200),
    )
    .openapi(
      route('duty:board', {
        method: 'get',
        path: '/duties/board',
        tags: ['duties'],
        summary:
          'Completion per person inside the caller’s scope: tasks due, done on time, late, overdue, and the rate',
        request: { query: boardQuery },
        responses: {
          200: { description: 'The board', content: jsonContent(z.object({ data: boardSchema })) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => c.json({ data: await taskBoard(deps.db, routeScope(c), c.req.valid('query')) }, 200),
    )
    .openapi(
      route('duty:task', {
        method: 'post',
        path: '/duties/tasks/{id}/complete',
        tags: ['duties'],
        summary:
          'Complete one of the caller’s tasks with its evidence (a shared task: for all its assignees)',
        request: { params: uuidParam, body: { content: jsonContent(completeBody), required: true } },
        responses: {
          200: { description: 'Done', content: jsonContent(z.object({ data: taskSchema })) },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const actor = { ...actorOf(c), userId: requireAuth(c).user.id };
        return c.json(
          {
            data: await completeTask(deps, actor, c.req.valid('param').id, c.req.valid('json')),
          },
          200,
        );
      },
    )
    .openapi(
      route('duty:task', {
        method: 'post',
        path: TASK_PHOTO_PATH,
        tags: ['duties'],
        summary:
          'Attach the evidence photo of one of the caller’s open tasks (JPEG, PNG or WebP by its bytes, ≤ 2 MB; metadata removed; encrypted at rest; a second replaces the first)',
        request: { body: { content: { 'multipart/form-data': { schema: taskPhotoBody } }, required: true } },
        responses: {
          200: { description: 'Attached', content: jsonContent(z.object({ data: taskPhotoSchema })) },
          ...errorResponses(400, 401, 403, 404, 409, 413),
        },
      }),
      async (c) => {
        const { taskId, photo } = c.req.valid('form');
        const actor = { ...actorOf(c), userId: requireAuth(c).user.id };
        const data = await attachTaskPhoto(deps, actor, taskId, Buffer.from(await photo.arrayBuffer()));
        return c.json({ data }, 200);
      },
    )
    .openapi(
      route('duty:read', {
        method: 'get',
        path: '/duties/tasks/{id}/photo',
        tags: ['duties'],
        summary:
          'A task’s evidence photo, for its assignees and readers of the task board of its place (never cached)',
        request: { params: uuidParam },
        responses: { 200: photoReadResponse, ...errorResponses(400, 401, 403, 404) },
      }),
      async (c) => {
        const auth = requireAuth(c);
        const found = taskPhoto(deps.db, auth.user.id, scopeFor(auth, 'duty:board'), c.req.valid('param').id);
        return answerPhoto(c, deps.keys, found);
      },
    )
    .openapi(
      route('duty:generate', {
        method: 'post',
        path: '/duties/generate',
        tags: ['duties'],
        summary:
          'Generate the tasks of the periods touching the days given (today by default); running it again creates none',
        request: { body: { content: jsonContent(generateBody), required: true } },
        responses: {
          200: {
            description: 'Tasks created',
            content: jsonContent(
              z.object({
                data: z.object({ created: z.number().int(), from: z.string(), to: z.string() }),
              }),
            ),
          },
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) => c.json({ data: await runGeneration(deps.db, actorOf(c), c.req.valid('json')) }, 200),
    );
}

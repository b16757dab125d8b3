import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from './context.ts';
import { validationError } from './validation.ts';

/** A module router whose request validation failures become the catalogue's VALIDATION_FAILED. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw validationError(result.error, result.target === 'json' ? undefined : result.target);
      }
    },
  });
}

const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
      requestId: z.string(),
    }),
  })
  .openapi('Error');

/** Standard error responses for the OpenAPI document. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 429)[]) {
  const descriptions: Record<number, string> = {
    400: 'Invalid request',
    401: 'Not signed in or session expired',
    403: 'Permission missing or cross-site request',
    404: 'Not found or outside the caller’s scope',
    409: 'Conflicts with existing data',
    413: 'Body too large',
    415: 'Body must be JSON',
    429: 'Too many attempts',
  };
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: descriptions[s]!, content: { 'application/json': { schema: errorSchema } } },
    ]),
  );
}

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).openapi({ example: 1 }),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).openapi({ example: 20 }),
});

export const pageInfo = z.object({
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  totalCapped: z
    .boolean()
    .optional()
    .openapi({ description: 'True when more rows match than were counted: `total` is then a lower bound' }),
});

export const uuidParam = z.object({
  id: z
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' }, example: '0192f7a0-0000-7000-8000-000000000000' }),
});

/** `content` of a JSON request or response in a route definition. */
export function jsonContent<T extends z.ZodType>(schema: T) {
  return { 'application/json': { schema } };
}

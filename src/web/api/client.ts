import { currentLang, inCurrentLang } from '../app/lang.ts';
import type { components, paths } from './schema.ts';

/** The named schemas of the API document: `Schemas['Resident']`. */
export type Schemas = components['schemas'];

export type FieldError = { field: string; code: string; message: string };

/** An error response of the API: `{ error: { code, message, details, requestId } }`, or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
    readonly requestId: string | null = null,
    /** Seconds to wait before trying again, from a 429's Retry-After. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Status 0: the request never got an answer. */
export const NETWORK_ERROR = 'NETWORK_ERROR';

// ---------------------------------------------------------------------------------------------------------------
// Types of the operations, read from the generated document (schema.ts). Paths are written below /api/v1, with
// their parameters in braces as the document names them: `api.get('/residents/{id}', { path: { id } })`.

const PREFIX = '/api/v1';
type V1 = { [P in keyof paths as P extends `${typeof PREFIX}${infer Rest}` ? Rest : never]: paths[P] };

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The paths (below /api/v1) that answer `M`. */
export type PathOf<M extends Method> = {
  [P in keyof V1]: [NonNullable<V1[P][M]>] extends [never] ? never : P;
}[keyof V1];

/** One operation of the document. */
export type Operation<M extends Method, P extends PathOf<M>> = NonNullable<V1[P][M]>;

type ParametersOf<Op> = Op extends { parameters: infer Ps } ? Ps : never;
type PathParams<Op> = ParametersOf<Op> extends { path: infer X } ? X : never;
type QueryParams<Op> = ParametersOf<Op> extends { query?: infer X } ? NonNullable<X> : never;
type RequestBody<Op> = Op extends { requestBody?: infer B } ? NonNullable<B> : never;
type JsonBody<Op> = RequestBody<Op> extends { content: { 'application/json': infer J } } ? J : never;
type Responses<Op> = Op extends { responses: infer R } ? R : never;
type Json<R> = R extends { content: { 'application/json': infer J } } ? J : undefined;
type Success = 200 | 201 | 202 | 204;

/** The JSON an operation answers on success (undefined for 204). */
export type ResponseOf<Op> = { [S in Success & keyof Responses<Op>]: Json<Responses<Op>[S]> }[Success &
  keyof Responses<Op>];
/** The query parameters of an operation. */
export type QueryOf<Op> = QueryParams<Op>;
/** The JSON body of an operation. */
export type BodyOf<Op> = JsonBody<Op>;

/** What a call passes besides the path: its path parameters, query and JSON body, each only where it has them. */
export type RequestOptions<Op> = ([PathParams<Op>] extends [never]
  ? { path?: never }
  : { path: PathParams<Op> }) &
  ([QueryParams<Op>] extends [never]
    ? { query?: never }
    : object extends QueryParams<Op>
      ? { query?: QueryParams<Op> }
      : { query: QueryParams<Op> }) &
  ([JsonBody<Op>] extends [never]
    ? { body?: never }
    : Op extends { requestBody: unknown }
      ? { body: JsonBody<Op> }
      : { body?: JsonBody<Op> });

/** The options argument, optional when nothing in it is required. */
export type OptionsArg<Op> =
  object extends RequestOptions<Op> ? [options?: RequestOptions<Op>] : [options: RequestOptions<Op>];

/** Shorthands for the web's types: `ApiResponse<'get', '/residents/{id}'>['data']`. */
export type ApiResponse<M extends Method, P extends PathOf<M>> = ResponseOf<Operation<M, P>>;
export type ApiQuery<M extends Method, P extends PathOf<M>> = QueryOf<Operation<M, P>>;
export type ApiBody<M extends Method, P extends PathOf<M>> = BodyOf<Operation<M, P>>;

// ---------------------------------------------------------------------------------------------------------------

type Query = Record<string, string | number | boolean | undefined | null>;

/** `?a=1&b=2` from the defined, non-empty values. */
export function toQuery(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

type LooseOptions = { path?: object; query?: object; body?: unknown };

/** `/api/v1{path}` with its `{name}` parameters filled in and the query appended. */
export function apiUrl(path: string, options: object = {}): string {
  const { path: given, query } = options as LooseOptions;
  const parameters = (given ?? {}) as Record<string, string | number | undefined>;
  const filled = path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = parameters[name];
    if (value === undefined) throw new Error(`${path}: no value for the path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  return `${PREFIX}${filled}${toQuery((query ?? {}) as Query)}`;
}

function isErrorBody(
  value: unknown,
): value is { error: { code: string; message: string; details?: FieldError[]; requestId?: string } } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/**
 * Sends one request with the session cookie and the UI language; resolves with the parsed JSON body (undefined for
 * 204) or rejects with an ApiError carrying the server's message in that language.
 */
async function send(method: string, url: string, body: unknown): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLang() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(
      0,
      NETWORK_ERROR,
      inCurrentLang({
        'zh-CN': '网络连接失败，请检查网络后重试',
        'en-US': 'Network error; check your connection and try again',
      }),
    );
  }
  if (response.status === 204) return undefined;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isErrorBody(payload)) {
      const { code, message, details, requestId } = payload.error;
      const retryAfter = Number(response.headers.get('retry-after'));
      throw new ApiError(
        response.status,
        code,
        message,
        details ?? [],
        requestId ?? null,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
      );
    }
    throw new ApiError(
      response.status,
      `HTTP_${response.status}`,
      response.statusText,
      [],
      response.headers.get('x-request-id'),
    );
  }
  return payload;
}

/**
 * Calls one operation of the API. The path, its parameters, the query and the body are checked against the
 * document; the answer is typed as the document says (the server's response schemas are what it sends).
 */
export function request<M extends Method, P extends PathOf<M>>(
  method: M,
  path: P,
  ...[options]: OptionsArg<Operation<M, P>>
): Promise<ResponseOf<Operation<M, P>>> {
  const loose = (options ?? {}) as LooseOptions;
  return send(method.toUpperCase(), apiUrl(path, loose), loose.body) as Promise<ResponseOf<Operation<M, P>>>;
}

/** The typed client: `await api.get('/residents', { query: { q: '王' } })`. */
export const api = {
  get: <P extends PathOf<'get'>>(path: P, ...options: OptionsArg<Operation<'get', P>>) =>
    request('get', path, ...options),
  post: <P extends PathOf<'post'>>(path: P, ...options: OptionsArg<Operation<'post', P>>) =>
    request('post', path, ...options),
  put: <P extends PathOf<'put'>>(path: P, ...options: OptionsArg<Operation<'put', P>>) =>
    request('put', path, ...options),
  patch: <P extends PathOf<'patch'>>(path: P, ...options: OptionsArg<Operation<'patch', P>>) =>
    request('patch', path, ...options),
  delete: <P extends PathOf<'delete'>>(path: P, ...options: OptionsArg<Operation<'delete', P>>) =>
    request('delete', path, ...options),
};

import { currentLang, translate } from './i18n.tsx';

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

/** `totalCapped`: more rows match than were counted, so `total` is a lower bound (shown as "1,000+"). */
export type Page = { page: number; pageSize: number; total: number; totalCapped?: boolean };
export type Paged<T> = { data: T[]; page: Page };

type Query = Record<string, string | number | undefined | null>;

/** `?a=1&b=2` from the defined, non-empty values. */
export function toQuery(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function isErrorBody(
  value: unknown,
): value is { error: { code: string; message: string; details?: FieldError[]; requestId?: string } } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/**
 * Calls `/api/v1{path}` with the session cookie and the UI language; resolves with the parsed JSON body
 * (undefined for 204) or rejects with an ApiError carrying the server's message in that language.
 */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLang() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, translate('common.networkError'));
  }
  if (response.status === 204) return undefined as T;
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
  return payload as T;
}

import {
  ApiError,
  apiUrl,
  NETWORK_ERROR,
  type FieldError,
  type Operation,
  type PathOf,
  type RequestOptions,
  type ResponseOf,
} from '../api/client.ts';
import { currentLang, translate } from './i18n.tsx';

async function failure(response: Response): Promise<ApiError> {
  const payload: unknown = await response.json().catch(() => null);
  if (typeof payload === 'object' && payload !== null && 'error' in payload) {
    const error = payload.error as {
      code: string;
      message: string;
      details?: FieldError[];
      requestId?: string;
    };
    return new ApiError(
      response.status,
      error.code,
      error.message,
      error.details ?? [],
      error.requestId ?? null,
    );
  }
  return new ApiError(response.status, `HTTP_${response.status}`, response.statusText);
}

/** The file name a Content-Disposition header gives (the UTF-8 form first), or `fallback`. */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (utf8?.[1]) {
    try {
      return decodeURIComponent(utf8[1]);
    } catch {
      // A malformed header: the plain name below will do.
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

type Get<P extends PathOf<'get'>> = Operation<'get', P>;
type Post<P extends PathOf<'post'>> = Operation<'post', P>;

/** The GET operations answering a file (not JSON) on success. */
export type DownloadPath = {
  [P in PathOf<'get'>]: Get<P> extends { responses: { 200: { content: { 'application/json': unknown } } } }
    ? never
    : P;
}[PathOf<'get'>];

/** The POST operations taking a multipart upload. */
export type UploadPath = {
  [P in PathOf<'post'>]: Post<P> extends { requestBody: { content: { 'multipart/form-data': unknown } } }
    ? P
    : never;
}[PathOf<'post'>];

/**
 * Downloads a file (an .xlsx) of the API with the session cookie and saves it under the server's file name, or
 * `fileName` without one. Errors arrive as an ApiError carrying the server's message, so the page can show them
 * instead of navigating.
 */
export async function downloadFile<P extends DownloadPath>(
  path: P,
  options: RequestOptions<Get<P>> & { fileName: string },
): Promise<void> {
  const { fileName: fallbackName, ...request } = options;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, request), {
      credentials: 'same-origin',
      headers: { 'Accept-Language': currentLang() },
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, translate('common.networkError'));
  }
  if (!response.ok) throw await failure(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the blob once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Sends one file as a multipart field (`file` unless named) with text fields beside it to an upload operation;
 * resolves with its JSON answer.
 */
export async function uploadFile<P extends UploadPath>(
  path: P,
  file: Blob & { name?: string },
  options: { field?: string; fields?: Record<string, string> } = {},
): Promise<ResponseOf<Post<P>>> {
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
  form.append(options.field ?? 'file', file, file.name);
  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': currentLang() },
      body: form,
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, translate('common.networkError'));
  }
  if (!response.ok) throw await failure(response);
  return (await response.json()) as ResponseOf<Post<P>>;
}

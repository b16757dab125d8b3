import { ApiError, NETWORK_ERROR, type FieldError } from './api-client.ts';
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

/**
 * Downloads `/api/v1{path}` (an .xlsx) with the session cookie and saves it under the server's file name.
 * Errors arrive as an ApiError carrying the server's message, so the page can show them instead of navigating.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
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

/** Sends one file as multipart field `file` to `/api/v1{path}`; resolves with the JSON answer. */
export async function uploadFile<T>(path: string, file: Blob & { name?: string }): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': currentLang() },
      body: form,
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, translate('common.networkError'));
  }
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

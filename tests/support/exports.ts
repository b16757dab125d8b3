import { waitFor } from './second-handle.ts';

type AppLike = { app: { request: (url: string, init?: RequestInit) => Response | Promise<Response> } };

/**
 * Runs a resident export to its end as the web page does: POST /residents/exports with the list's query, poll the
 * export until it is ready (or failed), then GET its file. The request's refusal (403, 404, 429) comes back as the
 * response itself. `url` is `/api/v1/residents/export?…` (the query is what counts).
 */
export async function exportThroughJob(
  t: AppLike,
  cookie: string,
  url: string,
): Promise<{ response: Response; exportId: string | null }> {
  const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
  const started = await t.app.request(`/api/v1/residents/exports${query}`, {
    method: 'POST',
    headers: { cookie },
  });
  if (started.status !== 202) return { response: started, exportId: null };
  const { data } = (await started.json()) as { data: { id: string } };
  let status = '';
  await waitFor(
    async () => {
      const polled = await t.app.request(`/api/v1/residents/exports/${data.id}`, { headers: { cookie } });
      status = ((await polled.json()) as { data: { status: string } }).data.status;
      return status === 'ready' || status === 'failed';
    },
    'the export to be ready',
    60_000,
  );
  const response = await t.app.request(`/api/v1/residents/exports/${data.id}/file`, { headers: { cookie } });
  return { response, exportId: data.id };
}

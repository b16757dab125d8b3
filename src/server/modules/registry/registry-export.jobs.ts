import type { JobDeps } from '../../core/kit/module.ts';
import type { JobHandler } from '../../core/jobs/runner.ts';
import { schedule, type Schedule } from '../../core/jobs/schedules.ts';
import {
  EXPORT_EXPIRE_JOB,
  EXPORT_JOB,
  expireExports,
  failExport,
  runExport,
  type ExportPayload,
} from './registry-export.service.ts';

/**
 * The export's background work (docs/decisions/jobs-queue.md):
 * - `registry.export` ({ exportId, scope, revealScope, actor }), queued with the request: writes the encrypted file,
 *   starting over on every attempt; ready and its audit row are one transaction. A dead job fails the export and
 *   removes its partial file.
 * - `registry.export.expire`, every ten minutes: ready files nobody downloaded within the hour are removed.
 */
export function registryExportJobs(deps: JobDeps): {
  handlers: Record<string, JobHandler>;
  schedules: Schedule[];
} {
  const run: JobHandler = async ({ job, signal, heartbeat }) => {
    await runExport(deps, job.payload as ExportPayload, { signal, heartbeat });
  };
  run.onDead = async (tx, job, error) => {
    const { exportId } = job.payload as ExportPayload;
    deps.logger.error({ exportId, error }, 'export given up');
    await failExport(tx, exportId);
  };
  const expire: JobHandler = async () => {
    await expireExports(deps.db);
  };
  return {
    handlers: { [EXPORT_JOB]: run, [EXPORT_EXPIRE_JOB]: expire },
    schedules: [schedule('registry.export.expire', '*/10 * * * *', EXPORT_EXPIRE_JOB)],
  };
}

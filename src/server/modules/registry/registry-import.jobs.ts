import type { Logger } from 'pino';
import type { DataKeys } from '../../core/auth/personal-data.ts';
import type { Db } from '../../core/db/client.ts';
import type { JobHandler } from '../../core/jobs/runner.ts';
import type { Schedule } from '../../core/jobs/schedules.ts';
import { commitImport, giveUpCommit } from './registry-import.commit.ts';
import {
  IMPORT_COMMIT,
  IMPORT_VALIDATE,
  type CommitPayload,
  type ValidatePayload,
} from './registry-import.common.ts';
import { failValidation, inTurn, validateImport } from './registry-import.service.ts';

/**
 * The Excel import's background work, as job handlers for `startJobRunner` (docs/decisions/jobs-queue.md).
 *
 * - `registry.import.validate` ({ importId, actor, revealsCounty }), queued with the upload: reads the stored upload and records the
 *   report and staged rows, starting over on every attempt. At most `MAX_CONCURRENT_VALIDATIONS` run at once in a
 *   process, whatever the runners' concurrency. A file problem, including the wall-time limit, ends the import
 *   `failed` with its reason and the job done; other errors retry, and a dead job fails the import with a generic
 *   reason, in the transaction that marks it dead.
 * - `registry.import.commit` ({ importId, mode, scope, actor }), queued with the claim: writes the rows in one
 *   transaction guarded by the import's status, so a rerun after a crash writes nothing twice. A dead job puts the
 *   import back to validated with a reason.
 */
export function registryImportJobs(deps: { db: Db; keys: DataKeys; logger: Logger }): {
  handlers: Record<string, JobHandler>;
  schedules: Schedule[];
} {
  const validate: JobHandler = async ({ job, signal, heartbeat }) => {
    const { importId, actor, revealsCounty } = job.payload as ValidatePayload;
    await inTurn(async () => {
      signal.throwIfAborted();
      await validateImport(deps, importId, { signal, heartbeat }, { actor, revealsCounty });
    });
  };
  validate.onDead = async (tx, job, error) => {
    const { importId } = job.payload as ValidatePayload;
    deps.logger.error({ importId, error }, 'import validation given up');
    await failValidation(tx, importId);
  };

  const commit: JobHandler = async ({ job, signal, heartbeat }) => {
    const { importId, mode, scope, actor } = job.payload as CommitPayload;
    await commitImport(deps, scope, actor, importId, mode, { signal, heartbeat });
  };
  commit.onDead = async (tx, job, error) => {
    const { importId } = job.payload as CommitPayload;
    deps.logger.error({ importId, error }, 'import commit given up');
    await giveUpCommit(tx, importId);
  };

  return { handlers: { [IMPORT_VALIDATE]: validate, [IMPORT_COMMIT]: commit }, schedules: [] };
}

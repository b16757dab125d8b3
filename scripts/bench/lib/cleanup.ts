import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Disposer = { name: string; dispose: () => Promise<void>; disposeSync?: () => void };

const stack: Disposer[] = [];

/**
 * Registers something to undo when the run ends, however it ends. `disposeSync` is the last resort used from the
 * process `exit` handler, where nothing asynchronous can run (e.g. SIGKILL a child, remove a folder).
 */
export function onCleanup(
  name: string,
  dispose: () => Promise<void>,
  disposeSync?: () => void,
): () => Promise<void> {
  const entry: Disposer = { name, dispose, disposeSync };
  stack.push(entry);
  return async () => {
    const index = stack.indexOf(entry);
    if (index < 0) return;
    stack.splice(index, 1);
    await entry.dispose();
  };
}

/** Undoes everything registered, newest first; failures are reported and do not stop the rest. */
export async function cleanupAll(): Promise<void> {
  while (stack.length > 0) {
    const entry = stack.pop()!;
    try {
      await entry.dispose();
    } catch (error) {
      console.error(
        `cleanup of ${entry.name} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

function cleanupAllSync(): void {
  while (stack.length > 0) {
    const entry = stack.pop()!;
    try {
      entry.disposeSync?.();
    } catch {
      // best effort while exiting
    }
  }
}

let installed = false;

/** Makes Ctrl-C, SIGTERM and any exit run the cleanup, so no child process or temporary folder outlives the run. */
export function installExitHandlers(): void {
  if (installed) return;
  installed = true;
  process.on('exit', cleanupAllSync);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping the bench and cleaning up…`);
      const force = setTimeout(() => process.exit(130), 10_000);
      force.unref();
      void cleanupAll().finally(() => process.exit(130));
    });
  }
}

/** A temporary folder removed at cleanup. */
export function temporaryFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  onCleanup(`folder ${dir}`, () => Promise.resolve(remove()), remove);
  return dir;
}

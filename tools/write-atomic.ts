import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes every file or none: all contents go to `.partial` siblings first and are renamed into place
 * only once every one was written, so a failure never leaves a half-written set.
 */
export function writeFilesAtomically(root: string, files: readonly { path: string; content: string | Buffer }[]): void {
  const staged: [string, string][] = [];
  try {
    for (const file of files) {
      const target = join(root, file.path);
      mkdirSync(dirname(target), { recursive: true });
      const partial = `${target}.${process.pid}.partial`;
      staged.push([partial, target]);
      writeFileSync(partial, file.content);
    }
  } catch (error) {
    for (const [partial] of staged) rmSync(partial, { force: true });
    throw error;
  }
  for (const [partial, target] of staged) renameSync(partial, target);
}

// The bad-values corpus: tests/chart/bad-values/<NN>-<name>.yaml, each a values file whose first line
// is `# expect: <dotted.value.path>`, the value the rejection message must name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, type HelmMajor } from '../../tools/helm.ts';
import { tryRender } from './chart.ts';

export const badValuesDir = join(repoRoot, 'tests', 'chart', 'bad-values');

export function expectedPath(file: string): string {
  const match = /^# expect: (\S+)\s*$/m.exec(readFileSync(join(badValuesDir, file), 'utf8').split('\n')[0] ?? '');
  if (!match) throw new Error(`${file}: the first line must be "# expect: <value path>"`);
  return match[1]!;
}

/** Helm 4 names schema paths as JSON pointers ('/backup/endpointURL'); read them as dotted paths. */
export const dottedPaths = (message: string) =>
  message.replace(/'\/([^']*)'/g, (_, pointer: string) => pointer.split('/').join('.'));

/** Renders a corpus file; returns Helm's message when it was rejected, or throws when it rendered. */
export async function rejection(major: HelmMajor, file: string): Promise<string> {
  const result = await tryRender(major, { files: [join(badValuesDir, file)] });
  if (result.code === 0) throw new Error(`${major} rendered ${file}, which it should reject`);
  return dottedPaths(result.stderr);
}

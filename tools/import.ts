// npm run import -- FILE -o DIR: a LiteLLM config.yaml (or the official chart's values) as DIR/values.yaml
// for this chart, and DIR/secret.yaml (a Secret, SOPS-ready) when the input held literal secrets. What
// the chart cannot express is listed on stderr with its input path, and as comments atop values.yaml.
// Bad input: one line naming the input path, exit 1, nothing written.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importConfig, ImportError, importSecretName, type ImportResult } from '@litellm-stack/catalog';
import { stringify } from 'yaml';
import { writeFilesAtomically } from './write-atomic.ts';

/** The files an import writes, relative to the output directory. */
export function importedFiles(result: ImportResult, source: string): { path: string; content: string }[] {
  const header = [
    `# Imported from ${source} by npm run import; render with: helm template <release> charts/litellm-stack -f values.yaml`,
    ...(result.notes.length ? ['# Not carried over (the chart cannot express these):', ...result.notes.map((note) => `#   ${note.path}: ${note.reason}`)] : []),
  ];
  const files = [{ path: 'values.yaml', content: `${header.join('\n')}\n${stringify(result.values, { lineWidth: 0 })}` }];
  if (Object.keys(result.secrets).length > 0) {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: importSecretName }, type: 'Opaque', stringData: result.secrets };
    const note = '# Literal secrets of the imported config. Encrypt before committing: sops --encrypt --encrypted-regex "^(data|stringData)$" --in-place secret.yaml\n# Add LITELLM_MASTER_KEY (if absent) and LITELLM_SALT_KEY before installing.\n';
    files.push({ path: 'secret.yaml', content: `${note}${stringify(secret, { lineWidth: 0 })}` });
  }
  return files;
}

export function main(): number {
  const { values, positionals } = parseArgs({ options: { out: { type: 'string', short: 'o' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1 || !values.out) {
    console.error('import: usage: npm run import -- FILE -o DIR');
    return 2;
  }
  const [file] = positionals as [string];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`import: ${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return 1;
  }
  try {
    const result = importConfig(text);
    writeFilesAtomically(values.out, importedFiles(result, file));
    for (const note of result.notes) console.error(`import: ${file}: ${note.path}: ${note.reason}`);
    return 0;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    console.error(`import: ${file}: ${error.message}`);
    return 1;
  }
}

// Run as a script (npm run import, the nx target, the catalog package's bin), not when a test imports it.
if (process.argv[1] && /(tools\/import\.ts|litellm-stack-import(\.mjs)?)$/.test(process.argv[1])) process.exitCode = main();

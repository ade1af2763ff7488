// npm run generate [-- --out DIR] [--catalog MODULE]: writes values.yaml, values.schema.json and the
// values types from the catalog. A catalog error prints every issue, exits 1 and leaves every output
// untouched.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generatedPaths, generateFiles } from '@litellm-stack/catalog';
import { loadCatalog } from './catalog-module.ts';
import { repoRoot } from './helm.ts';
import { writeFilesAtomically } from './write-atomic.ts';

try {
  const { values } = parseArgs({ options: { out: { type: 'string' }, catalog: { type: 'string' }, quiet: { type: 'boolean' } }, strict: true });
  const out = values.out ?? repoRoot;
  const typesPath = join(out, generatedPaths.types);
  const previousTypes = existsSync(typesPath) ? readFileSync(typesPath, 'utf8') : undefined;
  const files = await generateFiles(await loadCatalog(values.catalog), { previousTypes });
  writeFilesAtomically(out, files);
  if (!values.quiet) for (const file of files) console.log(`generated ${file.path}`);
} catch (error) {
  console.error(`generate: ${(error as Error).message}`);
  process.exit(1);
}

// npm run generate [-- --out DIR]: writes values.yaml, values.schema.json and the values types from the
// catalog. A catalog error prints every issue, exits 1 and leaves every output untouched.
import { parseArgs } from 'node:util';
import { CatalogError, generateFiles, seedCatalog } from '@litellm-stack/catalog';
import { repoRoot } from './helm.ts';
import { writeFilesAtomically } from './write-atomic.ts';

try {
  const { values } = parseArgs({ options: { out: { type: 'string' }, quiet: { type: 'boolean' } }, strict: true });
  const files = await generateFiles(seedCatalog);
  writeFilesAtomically(values.out ?? repoRoot, files);
  if (!values.quiet) for (const file of files) console.log(`generated ${file.path}`);
} catch (error) {
  console.error(`generate: ${error instanceof CatalogError ? error.message : (error as Error).message}`);
  process.exit(1);
}

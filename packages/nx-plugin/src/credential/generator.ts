// nx g @litellm-stack/nx-plugin:credential <id> --provider azure [--api-base … | --resource-name …]
// [--api-version …]: adds a credential, its empty models/<id>.ts and its import in models/index.ts,
// and regenerates the chart's values, schema and types.
import { logger, type Tree } from '@nx/devkit';
import { assertCatalog, treeReader, writeCatalog } from '../lib/apply.ts';
import { addCredentialChanges, readCatalog } from '../lib/catalog-source.ts';
import { buildCredential } from './entry.ts';
import type { CredentialGeneratorSchema } from './schema.d.ts';

export default async function credentialGenerator(tree: Tree, options: CredentialGeneratorSchema): Promise<void> {
  const read = treeReader(tree);
  const { credential, notes } = buildCredential(options);
  for (const note of notes) logger.info(`${credential.id}: ${note}`);
  const { catalog } = readCatalog(read);
  const next = { ...catalog, credentials: [...catalog.credentials, credential] };
  assertCatalog(next, `credentials.${credential.id}`, { secretKeys: 'secret-key' });
  const changes = addCredentialChanges(read, credential);
  await writeCatalog(tree, next, changes);
}

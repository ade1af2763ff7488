import { generateFiles, generatedPaths, seedCatalog } from '@litellm-stack/catalog';
import type { Tree } from '@nx/devkit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { changedFiles, freshCatalogTree, treeFiles } from '../../test/support/catalog-tree.ts';
import { treeReader } from '../lib/apply.ts';
import { credentialsPath, emptyModelsFile, modelsIndexPath, modelsPath, readCatalog } from '../lib/catalog-source.ts';
import modelGenerator from '../model/generator.ts';
import credentialGenerator from './generator.ts';
import { secretKeyOf } from './entry.ts';
import type { CredentialGeneratorSchema } from './schema.d.ts';

const sweden = {
  id: 'azure_credential_sweden',
  provider: 'azure',
  resourceName: 'contoso-sweden',
  apiVersion: '2025-04-01-preview',
  description: 'Azure OpenAI in Sweden Central.',
  secretKey: 'AZURE_SWEDEN_API_KEY',
} satisfies CredentialGeneratorSchema;

let tree: Tree;
let logged: string[];
beforeEach(() => ({ tree, logged } = freshCatalogTree()));
afterEach(() => vi.restoreAllMocks());

describe('credential generator: the change it makes', () => {
  it('appends the credential, creates its empty models file, imports and spreads it, and regenerates', async () => {
    const before = treeFiles(tree);
    await credentialGenerator(tree, sweden);
    const after = treeFiles(tree);

    expect(changedFiles(before, after)).toEqual([generatedPaths.values, credentialsPath, modelsPath(sweden.id), modelsIndexPath].sort());
    const original = before.get(credentialsPath)!;
    const closing = original.lastIndexOf('];');
    expect(after.get(credentialsPath)!.slice(0, closing)).toBe(original.slice(0, closing));
    expect(after.get(credentialsPath)!.slice(closing)).toBe(
      [
        '  {',
        "    id: 'azure_credential_sweden',",
        "    provider: 'azure',",
        "    description: 'Azure OpenAI in Sweden Central.',",
        "    resourceName: 'contoso-sweden',",
        "    apiVersion: '2025-04-01-preview',",
        "    secretKeys: { apiKey: 'AZURE_SWEDEN_API_KEY' },",
        '  },',
        '];',
        '',
      ].join('\n'),
    );
    expect(after.get(modelsPath(sweden.id))).toBe(emptyModelsFile);
    // The import lands in sorted place among the others; the spread goes last.
    const index = after.get(modelsIndexPath)!;
    expect(index).toContain(
      "import { models as azureAnthropic } from './azure_anthropic.ts';\nimport { models as azureCredentialSweden } from './azure_credential_sweden.ts';\nimport { models as azureCredentialUsEast } from './azure_credential_us_east.ts';\n",
    );
    expect(index).toContain('  ...azureAiCohereRerank,\n  ...azureCredentialSweden,\n];\n');

    const catalog = readCatalog(treeReader(tree)).catalog;
    expect(catalog.models).toEqual(seedCatalog.models);
    const { secretKey, ...fields } = sweden;
    expect(catalog.credentials).toEqual([...seedCatalog.credentials, { ...fields, secretKeys: { apiKey: secretKey } }]);
    for (const file of await generateFiles(catalog)) expect(tree.read(file.path, 'utf-8')).toBe(file.content);
    expect(parse(tree.read(generatedPaths.values, 'utf-8')!).credentials[sweden.id]).toEqual({
      enabled: false,
      description: sweden.description,
      provider: 'azure',
      resourceName: 'contoso-sweden',
      apiVersion: '2025-04-01-preview',
      secretKeys: { apiKey: 'AZURE_SWEDEN_API_KEY' },
    });
  });

  it('takes an api base instead of a resource name', async () => {
    await credentialGenerator(tree, { id: 'anthropic_eu', provider: 'anthropic', apiBase: 'https://eu.example.test/anthropic' });
    expect(readCatalog(treeReader(tree)).catalog.credentials.at(-1)).toMatchObject({ id: 'anthropic_eu', apiBase: 'https://eu.example.test/anthropic' });
  });

  it('is where the model generator then puts that credential\'s models', async () => {
    await credentialGenerator(tree, sweden);
    await modelGenerator(tree, { model: 'azure/gpt-5.3', credential: sweden.id });
    expect(readCatalog(treeReader(tree)).modelPlace.get('gpt-5-3')).toEqual({ path: modelsPath(sweden.id), array: 'models' });
    expect(tree.read(modelsPath(sweden.id), 'utf-8')).toContain("export const models: ModelDeployment[] = [\n  {\n    id: 'gpt-5-3',");
  });
});

describe('credential generator: defaults, shown', () => {
  it('derives the secret key from the id and describes the credential', async () => {
    await credentialGenerator(tree, { id: 'azure-west_eu', provider: 'azure', resourceName: 'contoso-west', apiVersion: '2025-04-01-preview' });
    expect(readCatalog(treeReader(tree)).catalog.credentials.at(-1)).toMatchObject({
      description: 'azure credential azure-west_eu.',
      secretKeys: { apiKey: 'AZURE_WEST_EU_API_KEY' },
    });
    expect(logged.some((line) => line.startsWith('azure-west_eu: secretKeys.apiKey "AZURE_WEST_EU_API_KEY"'))).toBe(true);
    expect(logged.some((line) => line.startsWith('azure-west_eu: description "azure credential azure-west_eu."'))).toBe(true);
  });

  it.each([
    ['Bedrock with IRSA: no secret keys', { id: 'bedrock_us', provider: 'bedrock', awsRegionName: 'us-east-1' }, { awsRegionName: 'us-east-1' }, undefined],
    ['Vertex AI with a service-account file', { id: 'vertex', provider: 'vertex_ai', vertexProject: 'contoso-ai', vertexLocation: 'us-central1', vertexCredentialsKey: 'VERTEX_SA' }, { vertexProject: 'contoso-ai' }, { vertexCredentials: 'VERTEX_SA' }],
    ['Azure with Entra ID: a client secret key, no API key', { id: 'azure_entra', provider: 'azure', resourceName: 'contoso', apiVersion: 'v1', tenantId: 't', clientId: 'c' }, { tenantId: 't', clientId: 'c' }, { clientSecret: 'AZURE_ENTRA_CLIENT_SECRET' }],
    ['Azure with workload identity: no secret keys', { id: 'azure_wi', provider: 'azure', resourceName: 'contoso', apiVersion: 'v1', tenantId: 't', clientId: 'c', workloadIdentity: true }, { workloadIdentity: true }, undefined],
    ['a self-hosted vLLM server: no key', { id: 'vllm', provider: 'hosted_vllm', apiBase: 'http://vllm.inference.svc:8000/v1' }, { apiBase: 'http://vllm.inference.svc:8000/v1' }, undefined],
    ['Groq: an API key', { id: 'groq', provider: 'groq' }, {}, { apiKey: 'GROQ_API_KEY' }],
  ] as [string, CredentialGeneratorSchema, object, object | undefined][])('%s', async (_, options, fields, secretKeys) => {
    await credentialGenerator(tree, options);
    const credential = readCatalog(treeReader(tree)).catalog.credentials.at(-1)!;
    expect(credential).toMatchObject({ id: options.id, provider: options.provider, ...fields });
    expect(credential.secretKeys).toEqual(secretKeys);
  });

  it.each([
    ['azure_credential_us_east2', 'AZURE_CREDENTIAL_US_EAST2_API_KEY'],
    ['anthropic-eu', 'ANTHROPIC_EU_API_KEY'],
  ])('secret key of %s is %s', (id, key) => expect(secretKeyOf(id)).toBe(key));
});

describe('credential generator: bad input is an error naming the field, and changes nothing', () => {
  const cases: [string, CredentialGeneratorSchema, RegExp][] = [
    ['a duplicate id', { ...sweden, id: 'azure_anthropic', provider: 'anthropic', resourceName: undefined }, /credentials\.azure_anthropic: duplicate credential id/],
    ['an id with upper case', { ...sweden, id: 'Azure_Sweden' }, /credentials\.Azure_Sweden: id must match/],
    ['an id with a space', { ...sweden, id: 'azure sweden' }, /credentials\.azure sweden: id must match/],
    ['an unknown provider', { ...sweden, provider: 'openai_compatible' as never }, /credentials\.azure_credential_sweden\.provider \(--provider\): must be one of: a2a_agent, ai21, /],
    ['azure without an api version', { ...sweden, apiVersion: undefined }, /credentials\.azure_credential_sweden\.apiVersion \(--api-version\): is required/],
    ['an api base that is not a URL', { ...sweden, resourceName: undefined, apiBase: 'ftp://sweden' }, /credentials\.azure_credential_sweden\.apiBase \(--api-base\): must match \^https\?:/],
    ['a resource name on another provider', { id: 'anthropic_eu', provider: 'anthropic', resourceName: 'contoso' }, /credentials\.anthropic_eu\.provider \(--provider\): must be equal to constant/],
    ['a secret key that is no env var name', { ...sweden, secretKey: 'azure-key' }, /credentials\.azure_credential_sweden\.secretKeys\.apiKey \(--secret-key\): must match \^\[A-Z_\]/],
    ['an id whose import name is taken in models/index.ts', { id: 'azure-anthropic', provider: 'anthropic' }, /models\/index\.ts already imports a binding named azureAnthropic; rename it to import \.\/azure-anthropic\.ts/],
  ];

  it.each(cases)('%s', async (_, options, message) => {
    const before = treeFiles(tree);
    await expect(credentialGenerator(tree, options)).rejects.toThrow(message);
    expect(changedFiles(before, treeFiles(tree))).toEqual([]);
  });
});

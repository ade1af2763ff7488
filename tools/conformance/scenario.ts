// Test Secrets and values overlays shared by the conformance tests: what a cluster would hold, with
// every credential's endpoint pointed at a fake backend.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { seedCatalog, type Credential } from '../../packages/catalog/src/index.ts';
import { valuesFile } from '../chart.ts';
import { chartDir } from '../helm.ts';
import type { FakeBackend } from './fake-backend.ts';
import type { TestSecret } from './chart-input.ts';

export const masterKey = 'sk-conformance-master-key-0123456789abcdef';
export const saltKey = 'conformance-salt-key-0123456789abcdef';

/** The API key the test Secret holds for a credential: unique, so a request shows which key it used. */
export const apiKeyFor = (credential: Pick<Credential, 'id'>) => `key-for-${credential.id}`;

/** The Secret the scenarios' `existingSecret` names; tests resolve secretKeyRefs from it. */
export const existingSecretName = 'litellm-secrets';

/** Values that make a scenario read its keys from `existingSecret` (as the seed does) instead of a chart-created Secret. */
export const existingSecretValues = { secrets: { existingSecret: existingSecretName } };

/**
 * ci/01-minimal's one Azure region, for tests whose keys come from an existing Secret: ci/01 itself
 * fills the chart-created Secret, which the chart refuses next to secrets.existingSecret.
 */
export const oneRegionScenario = valuesFile({ credentials: { azure_credential_us_east: { enabled: true } } });

/** A Secret with the master and salt keys, every seed credential's key, and `extra` keys. */
export function testSecret(name: string, extra: Record<string, string> = {}): TestSecret {
  const credentialKeys = seedCatalog.credentials.map((credential) => [credential.secretKeys!.apiKey!, apiKeyFor(credential)]);
  return { name, data: { LITELLM_MASTER_KEY: masterKey, LITELLM_SALT_KEY: saltKey, ...Object.fromEntries(credentialKeys), ...extra } };
}

/**
 * Values pointing each credential at its backend, with the path of the scenario's apiBase kept
 * (FakeBackend.apiBase). The chart refuses resourceName next to apiBase, so an Azure credential's
 * resourceName from the scenario is emptied, as a user's later values file would.
 */
export function backendValues(backends: Record<string, Pick<FakeBackend, 'apiBase'>>): { credentials: Record<string, { apiBase: string; resourceName?: '' }> } {
  return {
    credentials: Object.fromEntries(Object.entries(backends).map(([id, backend]) => [
      id,
      { apiBase: backend.apiBase, ...(seedCatalog.credentials.find((credential) => credential.id === id)?.provider === 'azure' ? { resourceName: '' as const } : {}) },
    ])),
  };
}

/** The path of each credential's apiBase in a `ci/` scenario (`/anthropic`), for startBackends. */
export function scenarioBasePaths(file: string): Record<string, string> {
  const credentials: Record<string, { apiBase?: string }> = parse(readFileSync(join(chartDir, file), 'utf8')).credentials ?? {};
  return Object.fromEntries(Object.entries(credentials).filter(([, credential]) => credential.apiBase)
    .map(([id, credential]) => [id, new URL(credential.apiBase!).pathname.replace(/\/$/, '')]));
}

export function credentialOf(id: string): Credential {
  const credential = seedCatalog.credentials.find((candidate) => candidate.id === id);
  if (!credential) throw new Error(`no seed credential ${id}`);
  return credential;
}

/** Chat request bodies are unique per call so the response cache never answers them. */
export const chatBody = (model: string, content: string) => ({ model, messages: [{ role: 'user', content }] });

/** The AWS keys and region a test's Bedrock credential gives the pod; its fake verifies SigV4 with them. */
export const bedrockAuth = { awsAccessKeyId: 'AKIACONFORMANCETEST01', awsSecretAccessKey: 'conformance/secret/access/key/0123456789', awsRegionName: 'us-east-1' };

// Every provider LiteLLM 1.80.8 knows, under Helm 3 and Helm 4: ci/60-providers.yaml (one credential
// per provider family) rendered once per major and flavour, and one render holding a credential of
// every provider and a deployment of every model name LiteLLM resolves without a prefix.
import { beforeAll, describe, expect, it } from 'vitest';
import { credentialFields, credentialFilesDir, familyOf } from '../../packages/catalog/src/index.ts';
import { liteLLMProviders, unprefixedModels } from '../../packages/catalog/src/values/litellm-providers.ts';
import { modelParamsKeys } from '../../packages/catalog/src/values/litellm-keys.ts';
import { helmMajors } from '../../tools/helm.ts';
import { liteLLMConfig, objectsOfKind, proxyContainer, render, single, type K8sObject } from '../support/chart.ts';

const scenario = 'ci/60-providers.yaml';
const byName = (config: any) => Object.fromEntries(config.credential_list.map((c: any) => [c.credential_name, c.credential_values]));

/** A minimal enabled credential of `provider`, with the fields its family needs. */
function credentialOf(provider: string, index: number): Record<string, unknown> {
  const key = `KEY_${index}`;
  switch (familyOf(provider)) {
    case 'azure':
      return { provider, apiBase: `https://r${index}.openai.azure.com`, apiVersion: '2025-04-01-preview', secretKeys: { apiKey: key } };
    case 'bedrock':
      return { provider, awsRegionName: 'us-east-1' };
    case 'vertex':
      return { provider, vertexProject: 'contoso-ai', vertexLocation: 'us-central1' };
    case 'selfHosted':
      return { provider, apiBase: `http://server-${index}.inference.svc:8000/v1` };
    default:
      return { provider, secretKeys: { apiKey: key } };
  }
}

describe('LiteLLM\'s credential keys', () => {
  it('every key the chart renders into credential_values is one LiteLLM reads in litellm_params', () => {
    for (const field of credentialFields) expect(modelParamsKeys, field.field).toContain(field.liteLLMKey);
    // workload identity renders azure_ad_token (an "oidc/azure/…" reference LiteLLM resolves itself).
    expect(modelParamsKeys).toContain('azure_ad_token');
  });
});

describe.each(helmMajors)('providers (%s)', (major) => {
  let objects: K8sObject[];
  let cilium: K8sObject[];
  beforeAll(async () => {
    [objects, cilium] = await Promise.all([
      render(major, { files: [scenario], namespace: 'ai' }),
      render(major, { files: [scenario], namespace: 'ai', values: { networkPolicy: { flavor: 'cilium' } } }),
    ]);
  });

  it('renders each family\'s credential_values, secrets only as env references or a mounted file', () => {
    const credentials = byName(liteLLMConfig(objects));
    expect(credentials).toEqual({
      openai: { api_key: 'os.environ/OPENAI_API_KEY', organization: 'org-contoso' },
      openai_compatible: { api_base: 'https://llm.contoso.example/v1', api_key: 'os.environ/CONTOSO_LLM_API_KEY' },
      azure_entra: {
        api_base: 'https://contoso-westeurope.openai.azure.com', api_version: '2025-04-01-preview',
        tenant_id: '00000000-0000-0000-0000-0000000000a1', client_id: '00000000-0000-0000-0000-0000000000b1',
        client_secret: 'os.environ/AZURE_WESTEUROPE_CLIENT_SECRET',
      },
      azure_workload: {
        api_base: 'https://contoso-swedencentral.openai.azure.com', api_version: '2025-04-01-preview',
        tenant_id: '00000000-0000-0000-0000-0000000000a1', client_id: '00000000-0000-0000-0000-0000000000c1',
        azure_ad_token: 'oidc/azure/api://AzureADTokenExchange',
      },
      bedrock_keys: { aws_region_name: 'us-east-1', aws_access_key_id: 'os.environ/AWS_ACCESS_KEY_ID', aws_secret_access_key: 'os.environ/AWS_SECRET_ACCESS_KEY' },
      bedrock_irsa: { aws_region_name: 'eu-central-1' },
      vertex_file: { vertex_project: 'contoso-ai', vertex_location: 'us-central1', vertex_credentials: `${credentialFilesDir}/vertex_file/vertexCredentials` },
      vertex_workload: { vertex_project: 'contoso-ai', vertex_location: 'global' },
      gemini: { api_key: 'os.environ/GEMINI_API_KEY' },
      groq: { api_key: 'os.environ/GROQ_API_KEY' },
      mistral: { api_key: 'os.environ/MISTRAL_API_KEY' },
      openrouter: { api_key: 'os.environ/OPENROUTER_API_KEY' },
      cohere: { api_key: 'os.environ/COHERE_API_KEY' },
      anthropic: { api_key: 'os.environ/ANTHROPIC_API_KEY' },
      vllm: { api_base: 'http://vllm.inference.svc.cluster.local:8000/v1' },
      ollama: { api_base: 'http://10.40.0.12:11434' },
    });
  });

  it('every os.environ/ reference is an env var from the Secret, and the service-account file is mounted from it', () => {
    const config = liteLLMConfig(objects);
    const container = proxyContainer(objects);
    const env = new Map<string, any>(container.env.map((e: any) => [e.name, e]));
    const references = [...JSON.stringify(config.credential_list).matchAll(/os\.environ\/([A-Z0-9_]+)/g)].map((m) => m[1]!);
    expect(references.length).toBe(11);
    for (const name of references) expect(env.get(name)?.valueFrom?.secretKeyRef, name).toEqual({ name: 'litellm-secrets', key: name });
    const pod = single(objects, 'Deployment').spec.template.spec;
    const volume = pod.volumes.find((v: any) => v.name === 'credential-files');
    expect(volume.secret).toEqual({ secretName: 'litellm-secrets', defaultMode: 0o440, items: [{ key: 'VERTEX_SERVICE_ACCOUNT_JSON', path: 'vertex_file/vertexCredentials' }] });
    const mount = container.volumeMounts.find((m: any) => m.name === 'credential-files');
    expect(`${mount.mountPath}/${volume.secret.items[0].path}`).toBe(byName(config).vertex_file.vertex_credentials);
    expect(mount.readOnly).toBe(true);
    // Azure's workload identity webhook injects the federated token only into labelled pods.
    expect(single(objects, 'Deployment').spec.template.metadata.labels['azure.workload.identity/use']).toBe('true');
  });

  it('deployments: an unprefixed model LiteLLM resolves, wildcards with their health-check model or exemption', () => {
    const models = Object.fromEntries(liteLLMConfig(objects).model_list.map((m: any) => [m.model_info.id, m]));
    expect(models['gpt-4o-openai'].litellm_params).toEqual({ model: 'gpt-4o', litellm_credential_name: 'openai' });
    expect(models['openai-wildcard']).toMatchObject({ model_name: 'openai/*', litellm_params: { model: 'openai/*' }, model_info: { health_check_model: 'openai/gpt-4o-mini' } });
    expect(models['openrouter-wildcard'].model_info.disable_background_health_check).toBe(true);
    expect(Object.keys(models).length).toBe(17);
  });

  it('network policy: in-cluster and private self-hosted servers as peers; each provider\'s public host and token endpoint by name', () => {
    // The proxy's policy is named like its Deployment.
    const proxyName = single(objects, 'Deployment').metadata.name;
    const egress: any[] = objectsOfKind(objects, 'NetworkPolicy').find((o) => o.metadata.name === proxyName)!.spec.egress;
    expect(egress).toContainEqual({ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'inference' } } }], ports: [{ port: 8000, protocol: 'TCP' }] });
    expect(egress).toContainEqual({ to: [{ ipBlock: { cidr: '10.40.0.12/32' } }], ports: [{ port: 11434, protocol: 'TCP' }] });
    const policy = objectsOfKind(cilium, 'CiliumNetworkPolicy').find((o) => o.metadata.name === proxyName)!;
    const names = policy.spec.egress.flatMap((rule: any) => (rule.toFQDNs ?? []).map((f: any) => f.matchName));
    expect(new Set(names)).toEqual(new Set([
      'api.openai.com', 'llm.contoso.example', 'contoso-westeurope.openai.azure.com', 'contoso-swedencentral.openai.azure.com',
      'login.microsoftonline.com', 'bedrock-runtime.us-east-1.amazonaws.com', 'bedrock-runtime.eu-central-1.amazonaws.com',
      'sts.eu-central-1.amazonaws.com', 'sts.amazonaws.com', 'us-central1-aiplatform.googleapis.com', 'aiplatform.googleapis.com',
      'oauth2.googleapis.com', 'generativelanguage.googleapis.com', 'api.groq.com', 'api.mistral.ai', 'openrouter.ai',
      'api.cohere.ai', 'api.anthropic.com',
    ]));
  });

  it(`a credential of each of LiteLLM's ${liteLLMProviders.length} providers, and every model name it resolves without a prefix, render`, async () => {
    const credentials = Object.fromEntries(liteLLMProviders.map((provider, index) => [`p${index}`, { enabled: true, ...credentialOf(provider, index) }]));
    const credentialId = new Map(liteLLMProviders.map((provider, index) => [provider as string, `p${index}`]));
    const prefixed = liteLLMProviders.map((provider, index) => [`prefixed-${index}`, { modelName: `${provider}-model`, model: `${provider}/some-model`, credential: `p${index}`, info: { mode: 'chat' } }]);
    // The catalog's rules still apply: realtime and gpt-audio models are exempt from the background health check.
    const infoOf = (name: string) => (/realtime/.test(name) ? { mode: 'realtime', disableBackgroundHealthCheck: true } : { mode: 'chat', ...(/gpt-audio/.test(name) ? { disableBackgroundHealthCheck: true } : {}) });
    const unprefixed = Object.entries(unprefixedModels).map(([name, provider], index) => [`unprefixed-${index}`, { modelName: name, model: name, credential: credentialId.get(provider), info: infoOf(name) }]);
    const secrets = Object.fromEntries(liteLLMProviders.map((_, index) => [`KEY_${index}`, 'x']));
    const all = await render(major, { values: { secrets: { values: secrets }, credentials, models: Object.fromEntries([...prefixed, ...unprefixed]) } });
    const config = liteLLMConfig(all);
    expect(config.credential_list.map((c: any) => c.credential_info.custom_llm_provider).sort()).toEqual([...liteLLMProviders].sort());
    expect(config.model_list.length).toBe(liteLLMProviders.length + Object.keys(unprefixedModels).length);
  });
});

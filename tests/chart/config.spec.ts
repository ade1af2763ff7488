// What the chart renders into LiteLLM's config.yaml and the proxy's Deployment, under both Helm majors.
import { describe, expect, it } from 'vitest';
import { seedCatalog } from '@litellm-stack/catalog';
import { helmMajors } from '../../tools/helm.ts';
import { liteLLMConfig, proxyContainer, render, single, objectsOfKind } from '../support/chart.ts';

const seedFull = ['ci/02-seed-full.yaml'];
// Seed entries carry the seed's model_info.id ("41", …); map it back to the values key.
const valuesKey = new Map(seedCatalog.models.map((model) => [model.info.id ?? model.id, model.id]));
const byId = (config: any) => new Map<string, any>(config.model_list.map((m: any) => [valuesKey.get(m.model_info.id) ?? m.model_info.id, m]));

describe.each(helmMajors)('%s', (major) => {
  it('renders no model until a credential is enabled', async () => {
    const config = liteLLMConfig(await render(major));
    expect(config.model_list).toEqual([]);
    expect(config.credential_list).toEqual([]);
    // The default database mode (cnpg) adds the Prisma pool size.
    // proxy_batch_write_at: LiteLLM's production guidance (60 s).
    expect(config.general_settings).toEqual({
      master_key: 'os.environ/LITELLM_MASTER_KEY', background_health_checks: false, database_connection_pool_limit: 10, proxy_batch_write_at: 60,
    });
  });

  it('renders the whole seed catalog in 02-seed-full, each deployment on its credential', async () => {
    const config = liteLLMConfig(await render(major, { files: seedFull }));
    const models = byId(config);
    expect(models.size).toBe(seedCatalog.models.length);
    for (const entry of seedCatalog.models) {
      const rendered = models.get(entry.id);
      expect(rendered.model_name).toBe(entry.modelName);
      expect(rendered.litellm_params.model).toBe(entry.model);
      expect(rendered.model_info.mode).toBe(entry.info.mode);
      if (entry.info.mode === 'realtime') expect(rendered.litellm_params.litellm_credential_name).toBeUndefined();
      else expect(rendered.litellm_params.litellm_credential_name).toBe(entry.credential);
    }
    expect(config.credential_list.map((c: any) => c.credential_name).sort()).toEqual(seedCatalog.credentials.map((c) => c.id).sort());
  });

  it('maps model fields to LiteLLM keys', async () => {
    const models = byId(liteLLMConfig(await render(major, { files: seedFull })));
    expect(models.get('cohere-embed-v-4-0')).toEqual({
      model_name: 'cohere-embed-v-4-0',
      litellm_params: { model: 'azure_ai/cohere-embed-v-4-0', litellm_credential_name: 'azure_ai_cohere_embed', input_type: 'text' },
      model_info: {
        id: '77', mode: 'embedding', base_model: 'cohere-embed-v-4-0', access_groups: ['premium-models', 'restricted-models'],
        disable_background_health_check: true,
      },
    });
    // Typed fields in LiteLLM's names and shapes; unpricedBaseModel is the catalog's, never rendered.
    expect(models.get('o3').litellm_params).toEqual({
      model: 'azure/o3', litellm_credential_name: 'azure_credential_us_east', rpm: 250, tpm: 250000, max_completion_tokens: 40000,
      thinking: { type: 'enabled', budget_tokens: 4096 }, merge_reasoning_content_in_choices: true,
      cache_control_injection_points: [{ location: 'message', role: 'system' }],
    });
    expect(models.get('gpt-5-2').model_info).toEqual({
      id: '1', mode: 'chat', base_model: 'azure/global/gpt-5.2', access_groups: ['premium-models', 'restricted-models'], supports_reasoning: true,
    });
    expect(models.get('gpt-audio').litellm_params).toMatchObject({ litellm_credential_name: 'azure_credential_us_east2', api_version: '2025-01-01-preview' });
  });

  it('renders params of any JSON type, modalities, reasoning effort, token caps and an explicit id', async () => {
    const models = byId(liteLLMConfig(await render(major, {
      files: seedFull,
      values: {
        models: {
          'gpt-4-1': {
            maxTokens: 1000, maxOutputTokens: 2000, reasoningEffort: 'low', modalities: ['text', 'audio'],
            cacheControlInjectionPoints: [{ location: 'message', index: -1 }],
            params: { temperature: 0.2, stop: ['###'], extra_body: { seed: 7 }, metadata: { team: 'ai' } },
            info: { id: 'gpt41-east', supportsUrlContext: true },
          },
        },
      },
    })));
    const entry = models.get('gpt41-east');
    expect(entry.litellm_params).toMatchObject({
      max_tokens: 1000, max_output_tokens: 2000, reasoning_effort: 'low', modalities: ['text', 'audio'],
      cache_control_injection_points: [{ location: 'message', index: -1 }],
      temperature: 0.2, stop: ['###'], extra_body: { seed: 7 }, metadata: { team: 'ai' },
    });
    expect(entry.model_info).toMatchObject({ id: 'gpt41-east', supports_url_context: true });
  });

  it('inlines api_base, api_key and api_version for realtime deployments', async () => {
    const models = byId(liteLLMConfig(await render(major, { files: seedFull })));
    expect(models.get('gpt-realtime').litellm_params).toEqual({
      model: 'azure/gpt-realtime',
      api_base: 'https://contoso-eastus2.openai.azure.com',
      api_key: 'os.environ/AZURE_US_EAST2_API_KEY',
      // The deployment's own api_version wins over its credential's (2025-04-01-preview).
      api_version: '2024-10-01-preview',
      rpm: 200,
      tpm: 100000,
    });
    const withoutOwn = byId(liteLLMConfig(await render(major, { files: seedFull, values: { models: { 'gpt-realtime': { apiVersion: null } } } })));
    expect(withoutOwn.get('gpt-realtime').litellm_params.api_version).toBe('2025-04-01-preview');
  });

  it('renders credentials with os.environ references and credential_info', async () => {
    const config = liteLLMConfig(await render(major, { files: seedFull }));
    const anthropic = config.credential_list.find((c: any) => c.credential_name === 'azure_anthropic');
    expect(anthropic).toEqual({
      credential_name: 'azure_anthropic',
      credential_values: { api_base: 'https://contoso-foundry.services.ai.azure.com/anthropic', api_key: 'os.environ/AZURE_ANTHROPIC_API_KEY' },
      credential_info: { custom_llm_provider: 'anthropic', description: expect.stringContaining('Anthropic') },
    });
  });

  it('leaves out disabled models and every model of a disabled credential', async () => {
    const objects = await render(major, {
      files: seedFull,
      values: { models: { o3: { enabled: false } }, credentials: { azure_anthropic: { enabled: false } } },
    });
    const models = byId(liteLLMConfig(objects));
    expect(models.has('o3')).toBe(false);
    expect([...models.values()].filter((m) => m.litellm_params.model.startsWith('anthropic/'))).toEqual([]);
    expect(models.size).toBe(seedCatalog.models.length - 1 - 4);
    const env = proxyContainer(objects).env.map((e: any) => e.name);
    expect(env).not.toContain('AZURE_ANTHROPIC_API_KEY');
  });

  it('renders two deployments of one public name on two credentials (03-ha)', async () => {
    const config = liteLLMConfig(await render(major, { files: ['ci/03-ha.yaml'] }));
    const gpt41 = config.model_list.filter((m: any) => m.model_name === 'gpt-4.1');
    expect(gpt41.map((m: any) => m.litellm_params.litellm_credential_name).sort()).toEqual(['azure_credential_us_east', 'azure_credential_us_east2']);
    expect(gpt41.find((m: any) => m.model_info.id === 'gpt-4-1-us-east2').litellm_params).toMatchObject({ rpm: 300, tpm: 300000 });
    expect(config.router_settings.routing_strategy).toBe('usage-based-routing-v2');
  });

  it('passes extra settings through and keeps chart-managed keys', async () => {
    const config = liteLLMConfig(
      await render(major, { values: { litellm: { settings: { drop_params: true }, routerSettings: { enable_pre_call_checks: true }, backgroundHealthChecks: true } } }),
    );
    expect(config.litellm_settings).toEqual({ drop_params: true });
    expect(config.router_settings.enable_pre_call_checks).toBe(true);
    expect(config.general_settings).toMatchObject({ background_health_checks: true, health_check_interval: 300 });
  });

  it('renders the proxy Deployment with the seed defaults', async () => {
    const objects = await render(major, { files: seedFull });
    const deployment = single(objects, 'Deployment');
    const container = proxyContainer(objects);
    expect(container.image).toBe('ghcr.io/berriai/litellm-non_root:main-v1.80.8-stable.1');
    expect(container.args).toEqual(['--config', '/app/config.yaml', '--port', '4000']);
    expect(container.ports).toEqual([{ name: 'http', containerPort: 4000, protocol: 'TCP' }]);
    // LiteLLM's production guidance: 2 vCPU / 4 GB per single-worker proxy.
    expect(container.resources).toMatchObject({ requests: { cpu: '2', memory: '4Gi' }, limits: { cpu: '2', memory: '4Gi' } });
    expect(container.startupProbe).toMatchObject({ httpGet: { path: '/health/liveliness', port: 'http' }, initialDelaySeconds: 30, failureThreshold: 30 });
    expect(container.livenessProbe).toMatchObject({ httpGet: { path: '/health/liveliness' }, initialDelaySeconds: 60 });
    expect(container.readinessProbe).toMatchObject({ httpGet: { path: '/health/readiness' }, initialDelaySeconds: 30 });
    expect(container.securityContext).toEqual({
      runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container.volumeMounts).toContainEqual({ name: 'config', mountPath: '/app/config.yaml', subPath: 'config.yaml', readOnly: true });
    const env = Object.fromEntries(container.env.map((e: any) => [e.name, e.value ?? e.valueFrom]));
    expect(env.LITELLM_MIGRATION_DIR).toBe('/tmp/prisma');
    expect(env.UI_USERNAME).toBe('admin');
    expect(env.UI_PASSWORD).toEqual({ secretKeyRef: { name: 'litellm-secrets', key: 'LITELLM_MASTER_KEY' } });
    expect(env.AZURE_US_EAST2_API_KEY).toEqual({ secretKeyRef: { name: 'litellm-secrets', key: 'AZURE_US_EAST2_API_KEY' } });
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    expect(deployment.spec.template.spec.automountServiceAccountToken).toBe(false);
    expect(single(objects, 'ServiceAccount').automountServiceAccountToken).toBe(false);
    expect(single(objects, 'Service').spec.ports).toEqual([{ name: 'http', port: 4000, targetPort: 'http', protocol: 'TCP' }]);
    // existingSecret: the chart creates no Secret; one replica: no PDB, no spread.
    expect(objectsOfKind(objects, 'Secret')).toEqual([]);
    expect(objectsOfKind(objects, 'PodDisruptionBudget')).toEqual([]);
    expect(deployment.spec.template.spec.topologySpreadConstraints).toBeUndefined();
  });

  it('adds PDB, HPA and topology spread when more than one replica runs (03-ha)', async () => {
    const objects = await render(major, { files: ['ci/03-ha.yaml'] });
    const deployment = single(objects, 'Deployment');
    expect(deployment.spec.replicas).toBeUndefined();
    expect(single(objects, 'PodDisruptionBudget').spec.maxUnavailable).toBe(1);
    const hpa = single(objects, 'HorizontalPodAutoscaler');
    expect(hpa.spec).toMatchObject({ minReplicas: 3, maxReplicas: 10 });
    expect(hpa.spec.metrics.map((m: any) => [m.resource.name, m.resource.target.averageUtilization])).toEqual([['cpu', 70], ['memory', 80]]);
    expect(deployment.spec.template.spec.topologySpreadConstraints.map((c: any) => c.topologyKey)).toEqual([
      'kubernetes.io/hostname',
      'topology.kubernetes.io/zone',
    ]);
  });

  it('pins the image by digest when one is given', async () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const container = proxyContainer(await render(major, { values: { image: { digest } } }));
    expect(container.image).toBe(`ghcr.io/berriai/litellm-non_root:main-v1.80.8-stable.1@${digest}`);
  });

  it('creates a Secret with generated keys and the given provider keys (01-minimal)', async () => {
    const objects = await render(major, { files: ['ci/01-minimal.yaml'] });
    const secret = single(objects, 'Secret');
    const data = Object.fromEntries(Object.entries<string>(secret.data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()]));
    expect(data.LITELLM_MASTER_KEY).toMatch(/^sk-[A-Za-z0-9]{48}$/);
    expect(data.LITELLM_SALT_KEY).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(data.AZURE_US_EAST_API_KEY).toBe('test-only-not-a-real-key');
    expect(secret.metadata.annotations?.['helm.sh/resource-policy']).toBe('keep');
    expect(liteLLMConfig(objects).model_list).toHaveLength(seedCatalog.models.filter((m) => m.credential === 'azure_credential_us_east').length);
  });

  it('rolls the pods when the config changes, and only then', async () => {
    const checksum = async (values: object) =>
      single(await render(major, { files: seedFull, values }), 'Deployment').spec.template.metadata.annotations['checksum/config'];
    const base = await checksum({});
    expect(await checksum({ podAnnotations: { team: 'ai' } })).toBe(base);
    expect(await checksum({ models: { o3: { rpm: 100 } } })).not.toBe(base);
    expect(await checksum({ litellm: { router: { numRetries: 5 } } })).not.toBe(base);
  });
});

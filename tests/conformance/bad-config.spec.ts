// Mistakes the real proxy accepts without a word, each shown in LiteLLM and then caught by the chart
// at `helm template` time (schema or template), with both Helm majors.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { helmMajors } from '../../tools/helm.ts';
import { liteLLMConfig, proxyContainer, render, scenarioFiles, tryRender } from '../support/chart.ts';
import { renderProxyInput } from '../../tools/conformance/chart-input.ts';
import { rejectionsOf, startBackends, stopBackends, type FakeBackend } from '../../tools/conformance/fake-backend.ts';
import { LiteLLMProxy } from '../../tools/conformance/proxy.ts';
import { backendValues, chatBody, existingSecretName, existingSecretValues, testSecret, oneRegionScenario } from '../../tools/conformance/scenario.ts';
import { carries } from '../../tools/conformance/upstream.ts';

const missingEnv = 'CONFORMANCE_MISSING_KEY';

/** Every `os.environ/NAME` string anywhere in a config object. */
export function environRefs(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith('os.environ/') ? [value.slice('os.environ/'.length)] : [];
  if (Array.isArray(value)) return value.flatMap(environRefs);
  if (value && typeof value === 'object') return Object.values(value).flatMap(environRefs);
  return [];
}

describe('what LiteLLM accepts silently', () => {
  let backends: Record<'azure_credential_us_east', FakeBackend>;
  let proxy: LiteLLMProxy;

  beforeAll(async () => {
    backends = await startBackends(['azure_credential_us_east']);
    const input = await renderProxyInput({ files: [oneRegionScenario], values: { ...existingSecretValues, ...backendValues(backends) } }, [testSecret(existingSecretName)]);
    // Written into config.yaml directly: the chart refuses all three (see below). The credential's key
    // is what a Secret key without env var would look like (a deployment's own api_key would be
    // filled from its credential instead).
    input.config.router_settings.conformance_unknown_key = 1;
    input.config.general_settings.conformance_unknown_key = 1;
    input.config.credential_list[0].credential_values.api_key = `os.environ/${missingEnv}`;
    proxy = await LiteLLMProxy.start(input);
  });

  afterAll(async () => {
    await proxy?.stop();
    await stopBackends(backends);
  });

  afterEach(() => {
    expect(rejectionsOf(backends)).toEqual([]);
  });

  it('starts ready with unknown settings keys and an os.environ reference to a missing variable', async () => {
    expect((await proxy.call('/health/readiness')).json.status).toBe('healthy');
    expect((await proxy.call('/v1/models')).json.data.map((entry: { id: string }) => entry.id)).toContain('gpt-4.1');
    expect(proxy.log()).not.toMatch(/conformance_unknown_key|CONFORMANCE_MISSING_KEY/);
  });

  it('fails requests through the credential with the missing variable only at request time, without calling the provider', async () => {
    const marker = `conformance-missing-env-${Date.now()}`;
    const response = await proxy.call('/v1/chat/completions', chatBody('gpt-4.1', marker));
    expect(response.status).toBe(500);
    expect(backends.azure_credential_us_east.requests.filter((request) => carries(request, marker))).toEqual([]);
  });
});

describe.each(helmMajors)('the chart refuses them (%s)', (major) => {
  const base = { files: ['ci/01-minimal.yaml'] };

  // Real mistakes: the Router has no redis_username (the router would log in as `default`); the
  // general setting is background_health_checks, plural.
  it.each([
    ['routerSettings', 'redis_username'],
    ['generalSettings', 'background_health_check'],
  ])('an unknown litellm.%s key (%s) fails the schema, naming it', async (area, key) => {
    const result = await tryRender(major, { ...base, values: { litellm: { [area]: { [key]: 'x' } } } });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(new RegExp(`propertyName '${key}'|Property name of "${key}"`));
  });

  it('a known key passes', async () => {
    const objects = await render(major, { ...base, values: { litellm: { routerSettings: { enable_pre_call_checks: true }, generalSettings: { disable_spend_logs: true } } } });
    expect(liteLLMConfig(objects).router_settings.enable_pre_call_checks).toBe(true);
  });

  it('an os.environ reference without an env var fails the render, naming it; extraEnv fixes it', async () => {
    const params = { models: { 'gpt-4-1': { params: { api_key: `os.environ/${missingEnv}` } } } };
    const refused = await tryRender(major, { ...base, values: params });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`config.yaml reads os.environ/${missingEnv}, but the proxy has no env var ${missingEnv}`);
    // From a Secret: the chart refuses a plain value under a name that looks like a secret.
    const extraEnv = [{ name: missingEnv, valueFrom: { secretKeyRef: { name: 'litellm-secrets', key: missingEnv } } }];
    const fixed = await render(major, { ...base, values: { ...params, extraEnv } });
    expect(proxyContainer(fixed).env.map((variable: { name: string }) => variable.name)).toContain(missingEnv);
  });

  it.each(scenarioFiles)(
    '%s: every os.environ/NAME in config.yaml has an env var in the Deployment',
    async (file) => {
      const objects = await render(major, { files: [file] });
      const refs = environRefs(liteLLMConfig(objects));
      expect(refs).toContain('LITELLM_MASTER_KEY');
      const names = new Set(proxyContainer(objects).env.map((variable: { name: string }) => variable.name));
      expect(refs.filter((name) => !names.has(name))).toEqual([]);
    },
  );
});

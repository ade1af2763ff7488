// 10,000 deployments (issue 13): the seed catalog and 9,975 synthetic ones render under both Helm
// majors with every object under Kubernetes' 1 MiB limit (the model list split into included
// ConfigMaps), and the real proxy, reading config.yaml and its include: files as rendered, serves
// all of them. Startup time against a one-deployment config is printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../packages/catalog/src/index.ts';
import { syntheticModelValues } from '../../bench/synthetic.ts';
import { renderProxyInput } from '../../tools/conformance/chart-input.ts';
import { startBackends, stopBackends, type FakeBackend } from '../../tools/conformance/fake-backend.ts';
import { LiteLLMProxy } from '../../tools/conformance/proxy.ts';
import { backendValues, existingSecretName, existingSecretValues, oneRegionScenario, scenarioBasePaths, testSecret } from '../../tools/conformance/scenario.ts';

const total = 10_000;
const models = syntheticModelValues(total - seedCatalog.models.length);
const names = new Set([...seedCatalog.models.map((model) => model.modelName), ...Object.values(models).map((model: any) => model.modelName as string)]);
// Health checks of 10,000 deployments would only load the fake backends.
const quiet = { litellm: { backgroundHealthChecks: false } };
const largest: Record<string, { object: string; bytes: number }> = {};

let backends: Record<string, FakeBackend>;
let proxy: LiteLLMProxy;
let oneMs: number;

beforeAll(async () => {
  backends = await startBackends(seedCatalog.credentials.map((credential) => credential.id), scenarioBasePaths('ci/02-seed-full.yaml'));
  const secrets = [testSecret(existingSecretName)];
  const onlyGpt41 = Object.fromEntries(seedCatalog.models.filter((model) => model.id !== 'gpt-4-1').map((model) => [model.id, { enabled: false }]));
  const one = await renderProxyInput({ files: [oneRegionScenario], values: { ...existingSecretValues, ...backendValues(backends), ...quiet, models: onlyGpt41 } }, secrets);
  const input = await renderProxyInput(
    { files: ['ci/02-seed-full.yaml'], values: { ...backendValues(backends), ...quiet, models } },
    secrets,
    (objects, major) => {
      const sizes = objects.map((object) => ({ object: `${object.kind}/${object.metadata.name}`, bytes: JSON.stringify(object).length }));
      largest[major] = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    },
  );
  expect(input.config.model_list).toHaveLength(total);
  expect(Object.keys(input.files ?? {}).length, 'the model list is split into included files').toBeGreaterThan(1);
  const small = await LiteLLMProxy.start(one);
  oneMs = small.startupMs;
  await small.stop();
  proxy = await LiteLLMProxy.start(input, 1_500_000);
  console.log(`[conformance] startup: ${total} deployments in ${proxy.startupMs} ms, one deployment in ${oneMs} ms (${Object.keys(input.files!).length - 1} model files); largest objects: ${JSON.stringify(largest)}`);
}, 3_000_000);

afterAll(async () => {
  await proxy?.stop();
  if (backends) await stopBackends(backends);
});

describe(`${total} deployments`, () => {
  it('every rendered object is under the API server\'s 1 MiB limit, under both Helm majors', () => {
    expect(Object.keys(largest).sort()).toEqual(['helm3', 'helm4']);
    for (const { bytes } of Object.values(largest)) expect(bytes).toBeLessThan(1_000_000);
  });

  it('the proxy loads config.yaml with its included model files and lists every public name', async () => {
    const listed = await proxy.call('/v1/models');
    expect(listed.status).toBe(200);
    expect(new Set(listed.json.data.map((entry: { id: string }) => entry.id))).toEqual(names);
  });
});

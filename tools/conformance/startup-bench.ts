// Proxy startup-to-ready time (spawn → first 200 of /health/liveliness) for the seed catalog versus a
// one-model config, median of N starts each, one at a time. Usage: npx tsx tools/conformance/startup-bench.ts [N]
import { seedCatalog } from '../../packages/catalog/src/index.ts';
import { renderProxyInput } from './chart-input.ts';
import { startBackends } from './fake-backend.ts';
import { LiteLLMProxy, type ProxyInput } from './proxy.ts';
import { backendValues, existingSecretName, existingSecretValues, testSecret, oneRegionScenario } from './scenario.ts';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function startupMs(input: ProxyInput): Promise<number> {
  const proxy = await LiteLLMProxy.start(input);
  await proxy.stop();
  return proxy.startupMs;
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  const backends = await startBackends(seedCatalog.credentials.map((credential) => credential.id));
  const secrets = [testSecret(existingSecretName)];
  const onlyGpt41 = Object.fromEntries(seedCatalog.models.filter((model) => model.id !== 'gpt-4-1').map((model) => [model.id, { enabled: false }]));
  const configs: Record<string, ProxyInput> = {
    'seed catalog (ci/02-seed-full, 25 deployments)': await renderProxyInput({ files: ['ci/02-seed-full.yaml'], values: backendValues(backends) }, secrets),
    'one model (ci/01-minimal, gpt-4.1 only)': await renderProxyInput(
      { files: [oneRegionScenario], values: { ...existingSecretValues, ...backendValues(backends), models: onlyGpt41 } },
      secrets,
    ),
  };
  try {
    // Interleaved, so load from other work on the machine hits both alike.
    const times = Object.fromEntries(Object.keys(configs).map((name) => [name, [] as number[]]));
    for (let run = 0; run < runs; run++) {
      for (const [name, input] of Object.entries(configs)) times[name]!.push(await startupMs(input));
    }
    for (const [name, input] of Object.entries(configs)) {
      console.log(`${name}: ${input.config.model_list.length} deployments, median ${median(times[name]!)} ms of ${runs} starts [${times[name]!.join(', ')}]`);
    }
  } finally {
    await Promise.all(Object.values(backends).map((backend) => backend.stop()));
  }
}

await main();

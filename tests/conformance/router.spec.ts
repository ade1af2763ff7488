// The router with the chart's settings: one public name on two credentials (ci/03-ha) balances and
// fails over; a deployment's rpm is enforced by usage-based-routing-v2 (and only by it).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderProxyInput } from '../../tools/conformance/chart-input.ts';
import { rejectionsOf, startBackends, stopBackends, type FakeBackend } from '../../tools/conformance/fake-backend.ts';
import { LiteLLMProxy } from '../../tools/conformance/proxy.ts';
import { backendValues, chatBody, existingSecretName, existingSecretValues, testSecret, oneRegionScenario } from '../../tools/conformance/scenario.ts';
import { sleep } from '../../tools/conformance/process.ts';
import { startOfFreshMinute, sendSequentially } from '../../tools/conformance/traffic.ts';

const regions = ['azure_credential_us_east', 'azure_credential_us_east2'] as const;

/**
 * ci/03-ha with both regions on fake backends; `allowedFails` overrides the chart's router value. The
 * test runs one proxy process, so as one replica without the scenario's shared cache (which the chart
 * requires only when several processes count usage).
 */
function haScenario(allowedFails: number) {
  const state = {} as { backends: Record<(typeof regions)[number], FakeBackend>; proxy: LiteLLMProxy };
  beforeAll(async () => {
    state.backends = await startBackends(regions);
    const values = {
      ...backendValues(state.backends), litellm: { router: { allowedFails } },
      autoscaling: { enabled: false }, replicas: 1, cache: { enabled: false },
    };
    const input = await renderProxyInput({ files: ['ci/03-ha.yaml'], values }, [testSecret(existingSecretName)]);
    expect(input.config.model_list.filter((entry: { model_name: string }) => entry.model_name === 'gpt-4.1')).toHaveLength(2);
    expect(input.config.router_settings).toMatchObject({ routing_strategy: 'usage-based-routing-v2', allowed_fails: allowedFails, num_retries: 2 });
    state.proxy = await LiteLLMProxy.start(input);
  });
  afterAll(async () => {
    await state.proxy?.stop();
    await stopBackends(state.backends);
  });
  afterEach(() => {
    expect(rejectionsOf(state.backends)).toEqual([]);
  });
  return state;
}

const servedGpt41 = (backend: FakeBackend) => backend.requests.filter((request) => request.deployment === 'gpt-4.1').length;

/** 100 concurrent requests, so both regions have traffic in this minute; returns requests per region. */
async function splitTraffic(proxy: LiteLLMProxy, backends: Record<(typeof regions)[number], FakeBackend>): Promise<number[]> {
  const responses = await Promise.all(
    Array.from({ length: 100 }, (_, index) => proxy.call('/v1/chat/completions', chatBody('gpt-4.1', `split-${index}-${Date.now()}`))),
  );
  expect(responses.filter((response) => response.status === 200)).toHaveLength(100);
  // Usage is recorded by success callbacks after the responses: let it land before anyone reads it.
  await sleep(1500);
  return regions.map((region) => servedGpt41(backends[region]));
}

/** The region usage-based-routing picks next is the one with less traffic: make that one fail. */
function failLeastUsed(backends: Record<(typeof regions)[number], FakeBackend>): { failing: FakeBackend; healthy: FakeBackend } {
  const [failing, healthy] = [...Object.values(backends)].sort((a, b) => servedGpt41(a) - servedGpt41(b)) as [FakeBackend, FakeBackend];
  failing.failWith = { status: 500 };
  return { failing, healthy };
}

describe('ci/03-ha: gpt-4.1 served by two regions, allowedFails 1', () => {
  const ha = haScenario(1);

  it('splits 100 requests between both backends, and fails over to the healthy one while the other answers 500', async () => {
    await startOfFreshMinute(20);
    const counts = await splitTraffic(ha.proxy, ha.backends);
    expect(counts[0]! + counts[1]!).toBe(100);
    // Even shares are ~50 each; below 20 would be a router that does not balance (p < 1e-9 by chance).
    expect(Math.min(...counts), `split ${counts.join('/')}`).toBeGreaterThanOrEqual(20);

    const { failing, healthy } = failLeastUsed(ha.backends);
    const failingBefore = servedGpt41(failing);
    const responses = await sendSequentially(ha.proxy, 10, (index) => chatBody('gpt-4.1', `failover-${index}-${Date.now()}`));
    // Retries of one request stay on the region the router picked, and the cooldown is set by an async
    // failure callback after allowedFails + 1 failures: up to two requests may fail, whenever the router
    // happens to pick the failing region before that; after the last failure every request succeeds.
    const statuses = responses.map((response) => response.status);
    const failures = statuses.filter((status) => status !== 200).length;
    expect(failures, statuses.join(',')).toBeLessThanOrEqual(2);
    const afterCooldown = responses.slice(statuses.findLastIndex((status) => status !== 200) + 1);
    expect(afterCooldown.length, statuses.join(',')).toBeGreaterThanOrEqual(7);
    expect(afterCooldown.map((response) => response.status)).toEqual(Array(afterCooldown.length).fill(200));
    expect(new Set(afterCooldown.map((response) => response.json.choices[0].message.content))).toEqual(new Set([`answer from ${healthy.name}`]));
    // The failing region was tried until cooled down, so the 200s are real failovers.
    expect(servedGpt41(failing) - failingBefore).toBeGreaterThanOrEqual(2);
  });
});

describe('ci/03-ha with allowedFails 3, LiteLLM\'s own default', () => {
  const ha = haScenario(3);

  it('does not fail over (LiteLLM then ignores allowed_fails and cools down only above 50 % failures in the minute)', async () => {
    await startOfFreshMinute(20);
    await splitTraffic(ha.proxy, ha.backends);
    const { failing } = failLeastUsed(ha.backends);
    const failingBefore = failing.requests.length;
    const responses = await sendSequentially(ha.proxy, 6, (index) => chatBody('gpt-4.1', `no-failover-${index}-${Date.now()}`));
    // usage-based routing keeps picking the failing region (failures add no usage) for every retry:
    // once a request has failed, every later one fails too, and the healthy region serves none.
    const statuses = responses.map((response) => response.status);
    const firstFailure = statuses.indexOf(500);
    expect(firstFailure, statuses.join(',')).toBeGreaterThanOrEqual(0);
    expect(firstFailure).toBeLessThanOrEqual(1);
    expect(statuses.slice(firstFailure)).toEqual(Array(6 - firstFailure).fill(500));
    expect(failing.requests.length - failingBefore).toBeGreaterThanOrEqual(3 * (6 - firstFailure));
  });
});

describe('rpm of one deployment', () => {
  let backends: Record<'azure_credential_us_east', FakeBackend>;
  let proxy: LiteLLMProxy;
  const rpm = 4;

  beforeAll(async () => {
    backends = await startBackends(['azure_credential_us_east']);
    // No retries: a refused request surfaces as 429 at once instead of waiting for the next minute.
    const values = {
      ...existingSecretValues,
      ...backendValues(backends),
      models: { 'gpt-4-1-nano': { rpm } },
      litellm: { router: { routingStrategy: 'usage-based-routing-v2', numRetries: 0 } },
    };
    proxy = await LiteLLMProxy.start(await renderProxyInput({ files: [oneRegionScenario], values }, [testSecret(existingSecretName)]));
  });

  afterAll(async () => {
    await proxy?.stop();
    await stopBackends(backends);
  });

  afterEach(() => {
    expect(rejectionsOf(backends)).toEqual([]);
  });

  it('is enforced by usage-based-routing-v2: at most rpm requests reach the backend in a minute, the rest get 429', async () => {
    await startOfFreshMinute(10);
    const responses = await sendSequentially(proxy, rpm + 3, (index) => chatBody('gpt-4.1-nano', `rpm-${index}-${Date.now()}`));
    const statuses = responses.map((response) => response.status);
    const reached = backends.azure_credential_us_east.requests.filter((request) => request.deployment === 'gpt-4.1-nano').length;
    expect(statuses.filter((status) => status === 200).length).toBe(reached);
    expect(reached).toBeLessThanOrEqual(rpm);
    expect(reached).toBeGreaterThanOrEqual(rpm - 1);
    expect(statuses.slice(reached)).toEqual(Array(statuses.length - reached).fill(429));
  });
});

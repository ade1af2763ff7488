// The service metrics the alerts use (service_callback prometheus_system), checked against what LiteLLM
// 1.80.8 itself registers: its PrometheusServicesLogger is built in the project's venv and every
// collector's name, type and label names are read from prometheus_client's registry.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { litellmMetrics } from '@litellm-stack/catalog';
import { venvBin } from '../../tools/python-env.ts';

const dumpRegistry = `
import json
from prometheus_client import REGISTRY
from litellm.integrations.prometheus_services import PrometheusServicesLogger
PrometheusServicesLogger()
collectors = {c for c in REGISTRY._names_to_collectors.values() if hasattr(c, "_labelnames")}
print(json.dumps({c._name: {"type": c._type, "labels": list(c._labelnames)} for c in collectors}))
`;

describe('prometheus_system metrics', () => {
  it('LiteLLM registers every service metric of the typed list, with its type and labels', () => {
    const registered: Record<string, { type: string; labels: string[] }> = JSON.parse(
      execFileSync(venvBin('python'), ['-c', dumpRegistry], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', LITELLM_LOCAL_MODEL_COST_MAP: 'True' } }),
    );
    const serviceMetrics = litellmMetrics.filter((metric) => /^litellm_(postgres|redis|batch_write_to_db|in_memory_\w+_queue)_/.test(metric.name));
    expect(serviceMetrics.length).toBeGreaterThanOrEqual(11);
    for (const metric of serviceMetrics) expect(registered[metric.name], metric.name).toEqual({ type: metric.type, labels: metric.labels });
  }, 300_000);
});

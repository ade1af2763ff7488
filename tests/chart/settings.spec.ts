// The open maps of LiteLLM settings: litellm.settings (keys LiteLLM reads, misplaced ones refused with
// where they belong), top-level guardrails, litellm.configSections (the sections the chart does not
// model), and cache.params (the chart keeps the connection).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { litellmSettingsWithHints } from '../../packages/catalog/src/values/areas/litellm.ts';
import { helmMajors } from '../../tools/helm.ts';
import { liteLLMConfig, render, tryRender } from '../support/chart.ts';

describe.each(helmMajors)('%s', (major) => {
  it.each(litellmSettingsWithHints)('refuses litellm.settings.%s with a hint, in one line naming the value first', async (key) => {
    const result = await tryRender(major, { values: { litellm: { settings: { [key]: 1 } } } });
    expect(result.code).not.toBe(0);
    // The error line names the value right after Helm's location prefix and carries the hint.
    expect(result.stderr.split('\n')[0]).toMatch(new RegExp(`^Error: .*\\): litellm\\.settings\\.${key}: .{20,}$`));
  });

  it('passes the seed\'s real litellm_settings through as they are (json_logs included: proxy_cli reads it)', async () => {
    const settings = {
      drop_params: true, json_logs: true, request_timeout: 30, turn_off_message_logging: true, redact_user_api_key_info: true,
      redact_messages_in_exceptions: true, set_verbose: false, max_budget: 1000, budget_duration: '30d',
    };
    const config = liteLLMConfig(await render(major, { values: { litellm: { settings } } }));
    expect(config.litellm_settings).toEqual(settings);
  });

  it('renders top-level guardrails only when given', async () => {
    expect(liteLLMConfig(await render(major)).guardrails).toBeUndefined();
    const guardrails = [
      {
        guardrail_name: 'pii-masking',
        litellm_params: { guardrail: 'presidio', mode: 'pre_call', presidio_analyzer_api_base: 'http://localhost:5001', output_parse_pii: true },
      },
    ];
    expect(liteLLMConfig(await render(major, { values: { litellm: { guardrails } } })).guardrails).toEqual(guardrails);
  });

  it('passes litellm.configSections through as top-level sections, beside those the chart renders', async () => {
    const file = join(import.meta.dirname, 'safe-values', '756-config-sections-mcp-oauth.yaml');
    const config = liteLLMConfig(await render(major, { files: [file] }));
    const { configSections } = parse(readFileSync(file, 'utf8')).litellm;
    expect(Object.keys(config).sort()).toEqual(['callback_settings', 'credential_list', 'general_settings', 'litellm_settings', 'mcp_servers', 'model_list', 'router_settings']);
    for (const [section, value] of Object.entries(configSections)) expect(config[section]).toEqual(value);
  });

  it('adds cache.params to cache_params next to the connection the chart renders', async () => {
    const config = liteLLMConfig(await render(major, {
      files: ['ci/09-cache.yaml'],
      values: { cache: { params: { max_connections: 100, supported_call_types: ['acompletion', 'aembedding'], mode: 'default_on' } } },
    }));
    expect(config.litellm_settings.cache_params).toMatchObject({
      type: 'redis', username: 'litellm', namespace: 'litellm', max_connections: 100, supported_call_types: ['acompletion', 'aembedding'], mode: 'default_on',
    });
  });
});

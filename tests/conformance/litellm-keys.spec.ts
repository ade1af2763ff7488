// The config keys checked in as data (packages/catalog/src/values/litellm-keys.ts) must be what the
// installed LiteLLM really accepts: a LiteLLM bump that adds or drops keys fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { supportFlags } from '../../packages/catalog/src/catalog/types.ts';
import { costMapModels } from '../../packages/catalog/src/values/litellm-cost-map.ts';
import { toSnake } from '../../packages/catalog/src/values/catalog.ts';
import { litellmSettingsWithHints } from '../../packages/catalog/src/values/areas/litellm.ts';
import {
  cacheParamsKeys,
  configSections,
  configGeneralSettingsFields,
  generalSettingsKeys,
  generalSettingsRead,
  litellmSettingsAttributes,
  litellmSettingsHandled,
  litellmSettingsKeys,
  liteLLMKeysVersion,
  modelParamsKeys,
  routerDefaultsFromSettings,
  routerInitParams,
  routerSettingsKeys,
  supportsFlags,
} from '../../packages/catalog/src/values/litellm-keys.ts';
import { chartDir } from '../../tools/helm.ts';
import { extractFromLiteLLM } from '../../tools/python-env.ts';
import { readLiteLLMPin } from '../../tools/conformance/litellm-pin.ts';

const extracted = extractFromLiteLLM('litellm_keys.py');

describe('LiteLLM settings keys (litellm-keys.ts)', () => {
  it('come from the pinned LiteLLM release', () => {
    expect(extracted.version).toBe(readLiteLLMPin());
    expect(liteLLMKeysVersion).toBe(extracted.version);
  });

  it('router_settings: Router.__init__ parameters, re-extracted', () => {
    expect([...routerInitParams]).toEqual(extracted.routerInitParams);
  });

  it('the Router parameters that fall back to a litellm setting of another name, re-extracted', () => {
    expect(routerDefaultsFromSettings.map((pair) => [...pair])).toEqual(extracted.routerDefaultsFromSettings);
  });

  it('general_settings: ConfigGeneralSettings fields and the keys the proxy reads, re-extracted', () => {
    expect([...configGeneralSettingsFields]).toEqual(extracted.configGeneralSettingsFields);
    expect([...generalSettingsRead]).toEqual(extracted.generalSettingsRead);
  });

  it('litellm_params: LiteLLM_Params, its litellm params, the endpoints\' parameters and the kwargs providers read, re-extracted', () => {
    expect([...modelParamsKeys]).toEqual(extracted.modelParams);
    // The seed's keys are among them; its newest azure-speech's voice_name is not (docs/differences-from-the-seed.md).
    expect(modelParamsKeys).toEqual(expect.arrayContaining(['max_completion_tokens', 'thinking', 'cache_control_injection_points', 'input_type', 'max_output_tokens', 'output_format']));
    expect(modelParamsKeys).not.toContain('voice_name');
  });

  it('litellm_settings: keys the proxy handles and litellm attributes something reads, re-extracted', () => {
    expect([...litellmSettingsHandled]).toEqual(extracted.litellmSettingsHandled);
    expect([...litellmSettingsAttributes]).toEqual(extracted.litellmSettingsAttributes);
    // The keys refused with a hint are keys LiteLLM really does not read.
    expect(litellmSettingsWithHints.filter((key) => litellmSettingsKeys.includes(key))).toEqual([]);
  });

  it('cache_params and model_info supports_* flags, re-extracted', () => {
    expect([...cacheParamsKeys]).toEqual(extracted.cacheParams);
    expect([...supportsFlags]).toEqual(extracted.supportsFlags);
    expect(supportFlags.map(toSnake)).toEqual([...supportsFlags]);
  });

  it('top-level config sections ProxyConfig reads, re-extracted', () => {
    expect([...configSections]).toEqual(extracted.configSections);
  });

  it('the bundled cost map\'s model names, re-extracted', () => {
    expect([...costMapModels]).toEqual(extracted.costMapModels);
  });

  it('constrain the chart schema\'s open settings maps', () => {
    const schema = JSON.parse(readFileSync(join(chartDir, 'values.schema.json'), 'utf8'));
    const litellm = schema.properties.litellm.properties;
    expect(litellm.routerSettings.propertyNames.enum).toEqual([...routerSettingsKeys]);
    expect(litellm.generalSettings.propertyNames.enum).toEqual([...generalSettingsKeys]);
    expect(Object.keys(litellm.settings.properties)).toEqual([...new Set([...litellmSettingsKeys, ...litellmSettingsWithHints])].sort());
    expect(litellm.settings.additionalProperties).toBe(false);
    const model = Object.values<any>(schema.properties.models.patternProperties)[0];
    expect(Object.keys(model.properties.params.properties)).toEqual([...modelParamsKeys]);
    expect(model.properties.params.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.cache.properties.params.properties)).toEqual([...cacheParamsKeys]);
    // The chart's own router keys are real Router parameters (a typo there would be dropped too).
    expect(routerSettingsKeys).toEqual(expect.arrayContaining(['routing_strategy', 'num_retries', 'allowed_fails', 'cooldown_time', 'timeout']));
    expect(generalSettingsKeys).toEqual(expect.arrayContaining(['master_key', 'background_health_checks', 'health_check_interval']));
  });
});

// The settings keys checked in as data (packages/catalog/src/values/litellm-keys.ts) must be what the
// installed LiteLLM really accepts: a LiteLLM bump that adds or drops keys fails here.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  configGeneralSettingsFields,
  generalSettingsKeys,
  generalSettingsRead,
  liteLLMKeysVersion,
  routerInitParams,
  routerSettingsKeys,
} from '../../packages/catalog/src/values/litellm-keys.ts';
import { chartDir, repoRoot } from '../../tools/helm.ts';
import { venvBin } from '../../tools/python-env.ts';
import { readLiteLLMPin } from '../../tools/conformance/litellm-pin.ts';

const extracted = JSON.parse(
  execFileSync(venvBin('python'), [join(repoRoot, 'tools', 'conformance', 'litellm_keys.py')], {
    env: { PATH: '/usr/bin:/bin', LITELLM_LOCAL_MODEL_COST_MAP: 'True', LITELLM_MODE: 'PRODUCTION' },
    encoding: 'utf8',
  }),
);

describe('LiteLLM settings keys (litellm-keys.ts)', () => {
  it('come from the pinned LiteLLM release', () => {
    expect(extracted.version).toBe(readLiteLLMPin());
    expect(liteLLMKeysVersion).toBe(extracted.version);
  });

  it('router_settings: Router.__init__ parameters, re-extracted', () => {
    expect([...routerInitParams]).toEqual(extracted.routerInitParams);
  });

  it('general_settings: ConfigGeneralSettings fields and the keys the proxy reads, re-extracted', () => {
    expect([...configGeneralSettingsFields]).toEqual(extracted.configGeneralSettingsFields);
    expect([...generalSettingsRead]).toEqual(extracted.generalSettingsRead);
  });

  it('constrain the chart schema\'s open settings maps', () => {
    const schema = JSON.parse(readFileSync(join(chartDir, 'values.schema.json'), 'utf8'));
    const litellm = schema.properties.litellm.properties;
    expect(litellm.routerSettings.propertyNames.enum).toEqual([...routerSettingsKeys]);
    expect(litellm.generalSettings.propertyNames.enum).toEqual([...generalSettingsKeys]);
    // The chart's own router keys are real Router parameters (a typo there would be dropped too).
    expect(routerSettingsKeys).toEqual(expect.arrayContaining(['routing_strategy', 'num_retries', 'allowed_fails', 'cooldown_time', 'timeout']));
    expect(generalSettingsKeys).toEqual(expect.arrayContaining(['master_key', 'background_health_checks', 'health_check_interval']));
  });
});

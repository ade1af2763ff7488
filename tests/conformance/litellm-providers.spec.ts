// The providers checked in as data (packages/catalog/src/values/litellm-providers.ts) must be what the
// installed LiteLLM knows: a LiteLLM bump that adds or drops a provider, or resolves an unprefixed
// model name differently, fails here.
import { describe, expect, it } from 'vitest';
import { liteLLMProviders, liteLLMProvidersVersion, providerDefaultApiBases, unprefixedModels } from '../../packages/catalog/src/values/litellm-providers.ts';
import { extractFromLiteLLM } from '../../tools/python-env.ts';
import { readLiteLLMPin } from '../../tools/conformance/litellm-pin.ts';

const extracted = extractFromLiteLLM('litellm_providers.py');

describe('LiteLLM providers (litellm-providers.ts)', () => {
  it('come from the pinned LiteLLM release', () => {
    expect(extracted.version).toBe(readLiteLLMPin());
    expect(liteLLMProvidersVersion).toBe(extracted.version);
  });

  it('provider_list, re-extracted', () => {
    expect([...liteLLMProviders]).toEqual(extracted.providers);
    expect(liteLLMProviders.length).toBeGreaterThan(100);
  });

  it('unprefixed model names and the provider get_llm_provider gives each, re-extracted', () => {
    expect(unprefixedModels).toEqual(extracted.unprefixed);
    // What the seed's users would write without a prefix.
    expect(unprefixedModels).toMatchObject({ 'gpt-4o': 'openai', 'claude-sonnet-4-5': 'anthropic', 'gemini-2.5-pro': 'vertex_ai' });
  });

  it('the OpenAI-compatible providers\' default endpoints, re-extracted', () => {
    expect(providerDefaultApiBases).toEqual(extracted.defaultApiBases);
  });
});

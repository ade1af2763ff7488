// files/providers.json: what the chart's templates know about LiteLLM's providers (templates/_providers.tpl).
import { credentialFields, credentialFilesDir, familyOf, identityEndpoints, publicEndpoints } from '../catalog/providers.ts';
import { liteLLMProviders, unprefixedModels } from '../values/litellm-providers.ts';

export function chartProviders() {
  return {
    providers: [...liteLLMProviders],
    /** Providers outside the `keyed` family, with their family. */
    families: Object.fromEntries(liteLLMProviders.filter((p) => familyOf(p) !== 'keyed').map((p) => [p, familyOf(p)])),
    fields: credentialFields.map(({ field, liteLLMKey, families, secret }) => ({ field, liteLLMKey, families: [...families], secret: secret ?? '' })),
    filesDir: credentialFilesDir,
    publicEndpoints,
    identityEndpoints,
    unprefixed: unprefixedModels,
  };
}

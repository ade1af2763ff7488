// Where the proxy's secret values come from. Values name Secret keys; only a chart-created Secret
// ever holds values, and never a ConfigMap.
import { bool, group, openMap, orEmpty, patterns, str, type SpecNode } from '../spec.ts';
import { envNamePattern } from '../catalog.ts';

export const secretsArea: Record<string, SpecNode> = {
  secrets: group(
    'The Secret holding the master key, salt key and every credential\'s secretKeys. Prefer `existingSecret` (SOPS, External Secrets); otherwise the chart creates one and keeps generated keys across upgrades.',
    {
      existingSecret: str('Name of an existing Secret with all keys below; when set, the chart creates no Secret.', '', {
        pattern: orEmpty(patterns.dnsSubdomain),
        maxLength: 253,
      }),
      reloadOnChange: bool(
        'existingSecret only: annotate the Deployment with `secret.reloader.stakater.com/reload: <existingSecret>`, so Stakater Reloader (installed separately) rolls the pods whenever that Secret changes. Without it a rotated key reaches the pods only when they restart. See docs/operations.md.',
        false,
      ),
      masterKeyKey: str('Secret key holding the LiteLLM master key (also the admin UI password).', 'LITELLM_MASTER_KEY', { pattern: envNamePattern }),
      saltKeyKey: str('Secret key holding the salt key that encrypts stored credentials. Never change it once keys exist.', 'LITELLM_SALT_KEY', {
        pattern: envNamePattern,
      }),
      masterKey: str('Chart-created Secret only: the master key (`sk-` and at least 29 more characters). Empty: generated once, then kept.', '', {
        pattern: '^(sk-[!-~]{29,})?$',
      }),
      saltKey: str('Chart-created Secret only: the salt key (at least 32 characters). Empty: generated once, then kept.', '', {
        pattern: '^([!-~]{32,})?$',
      }),
      values: openMap(
        'Chart-created Secret only: further keys, such as the credentials\' API keys (`AZURE_US_EAST_API_KEY: …`).',
        {},
        undefined,
        { patternProperties: { [envNamePattern]: { type: 'string' } }, additionalProperties: false },
      ),
    },
  ),
};

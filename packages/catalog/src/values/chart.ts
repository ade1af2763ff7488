// The chart's whole values tree, in the order values.yaml presents it.
import type { Catalog } from '../catalog/types.ts';
import { catalogToValues, credentialsNode, modelsNode } from './catalog.ts';
import { cacheArea } from './areas/cache.ts';
import { databaseArea } from './areas/database.ts';
import { litellmArea } from './areas/litellm.ts';
import { networkPolicyArea } from './areas/network-policy.ts';
import { observabilityArea } from './areas/observability.ts';
import { oidcArea } from './areas/oidc.ts';
import { routeArea } from './areas/route.ts';
import { secretsArea } from './areas/secrets.ts';
import { operationsArea } from './areas/operations.ts';
import { workloadAreas } from './areas/workload.ts';
import { group, int, oneOf, openMap, orEmpty, patterns, str, type Group } from './spec.ts';

const dnsLabel = { pattern: orEmpty(patterns.dnsLabel), maxLength: 63 };

export function chartValuesSpec(catalog: Catalog): Group {
  const { credentials, models } = catalogToValues(catalog);
  return group('Values of the litellm-stack chart.', {
    global: openMap('Values shared with subcharts (Helm convention); unused by this chart.', {}),
    nameOverride: str('Replaces the chart name in object names.', '', dnsLabel),
    fullnameOverride: str('Replaces the full name (release-chart) of every object.', '', dnsLabel),
    ...workloadAreas,
    ...operationsArea,
    ...secretsArea,
    ...litellmArea,
    ...databaseArea,
    ...cacheArea,
    ...observabilityArea,
    ...oidcArea,
    ...routeArea,
    ...networkPolicyArea,
    credentials: credentialsNode(credentials),
    skippedModels: oneOf(
      'An enabled model whose credential is disabled is not served. `warn`: the install notes list it by id. `fail`: the render fails naming models.<id>.credential (a model added on a credential you forgot to enable; disable the seed models you do not want).',
      ['warn', 'fail'],
      'warn',
    ),
    modelListSplitBytes: int(
      'Past this size config.yaml keeps everything but the model list, and the models go into ConfigMaps <fullname>-models-NNN of about half this size or less (a power of two of them, at most 256; a model\'s file is picked by its id\'s sha256, so adding one rewrites one file), mounted at /app/models and read through LiteLLM\'s `include:`. Keeps every ConfigMap under Kubernetes\' 1 MiB limit; below it nothing changes.',
      524288,
      { minimum: 65536, maximum: 900000 },
    ),
    models: modelsNode(models),
  });
}

// Database: the CNPG Cluster and Database, the proxy's DATABASE_URL, external and no database, and how
// Prisma migrations run on install and on upgrade.
import { describe, expect, it } from 'vitest';
import { helmMajors, type HelmMajor } from '../../tools/helm.ts';
import { liteLLMConfig, objectsOfKind, proxyContainer, render, scenarioFiles, single, tryRender, type K8sObject } from '../support/chart.ts';
import { schemaErrors } from '../support/validate.ts';

const envVar = (objects: K8sObject[], name: string) => proxyContainer(objects).env.find((e: { name: string }) => e.name === name);
const oneRegion = { credentials: { azure_credential_us_east: { enabled: true, resourceName: 'contoso-eastus' } }, secrets: { existingSecret: 'litellm-secrets' } };

describe.each(helmMajors)('database (%s)', (major) => {
  it('21-seed-database: the seed\'s cluster name, PostgreSQL 18.1 with pgvector, priority class, backup sidecar and /tmp limit', async () => {
    const objects = await render(major, { files: ['ci/21-seed-database.yaml'] });
    const cluster = single(objects, 'Cluster');
    expect(cluster.metadata.name).toBe('litellm-postgresql');
    expect(cluster.spec).toMatchObject({
      imageName: 'ghcr.io/cloudnative-pg/postgresql:18.1-standard-trixie',
      priorityClassName: 'system-cluster-critical',
      bootstrap: { initdb: { database: 'litellm', owner: 'litellm' } },
      postgresql: { extensions: [{ name: 'pgvector', image: { reference: 'ghcr.io/cloudnative-pg/pgvector:0.8.1-18-trixie' } }] },
    });
    expect(single(objects, 'Database').spec).toMatchObject({ cluster: { name: 'litellm-postgresql' }, extensions: [{ name: 'vector' }] });
    // The proxy reads the URL from the adopted cluster's app Secret.
    expect(envVar(objects, 'DATABASE_URL').valueFrom.secretKeyRef).toEqual({ name: 'litellm-postgresql-app', key: 'uri' });
    expect(single(objects, 'ObjectStore').spec.instanceSidecarConfiguration).toMatchObject({
      resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '256Mi' } },
      retentionPolicyIntervalSeconds: 1800,
    });
    const pod = single(objects, 'Deployment').spec.template.spec;
    expect(pod.volumes.find((volume: any) => volume.name === 'tmp')).toEqual({ name: 'tmp', emptyDir: { sizeLimit: '500Mi' } });
    const upgrade = await render(major, { files: ['ci/21-seed-database.yaml'], upgrade: true });
    const job = objectsOfKind(upgrade, 'Job')[0]!;
    // With a database, Prisma's CLI caches are writable too, each limited alike.
    expect(job.spec.template.spec.volumes).toEqual(['tmp', 'prisma-cache', 'npm-cache'].map((name) => ({ name, emptyDir: { sizeLimit: '500Mi' } })));
  });

  it('22-import-from-seed: initdb imports the seed\'s running database through an externalClusters entry', async () => {
    const cluster = single(await render(major, { files: ['ci/22-import-from-seed.yaml'] }), 'Cluster');
    expect(cluster.spec.bootstrap).toEqual({
      initdb: {
        database: 'litellm', owner: 'litellm', dataChecksums: true,
        import: { type: 'microservice', databases: ['litellm'], source: { externalCluster: 'import-source' } },
      },
    });
    expect(cluster.spec.externalClusters).toEqual([{
      name: 'import-source',
      connectionParameters: { host: 'litellm-postgresql-rw.ai-system.svc', port: '5432', user: 'litellm', dbname: 'litellm', sslmode: 'require' },
      password: { name: 'litellm-postgresql-app', key: 'password' },
    }]);
  });

  it('23-recover-seed-backup: recovery from the seed\'s ObjectStore and folder, archiving into a new one', async () => {
    const cluster = single(await render(major, { files: ['ci/23-recover-seed-backup.yaml'] }), 'Cluster');
    expect(cluster.spec.bootstrap.recovery).toMatchObject({ source: 'origin', database: 'litellm', owner: 'litellm' });
    expect(cluster.spec.externalClusters).toEqual([{
      name: 'origin',
      plugin: { name: 'barman-cloud.cloudnative-pg.io', parameters: { barmanObjectName: 'litellm-objectstore', serverName: 'litellm-postgresql' } },
    }]);
    expect(cluster.spec.plugins[0].parameters).toEqual({ barmanObjectName: 'rel-litellm-stack-backup', serverName: 'litellm-stack-db' });
  });

  it('names another database and owner everywhere the cluster declares them', async () => {
    const objects = await render(major, { files: ['ci/04-cnpg.yaml'], values: { database: { cnpg: { database: 'llm_proxy', owner: 'proxy_owner' } } } });
    const cluster = single(objects, 'Cluster');
    expect(cluster.spec.bootstrap.initdb).toMatchObject({ database: 'llm_proxy', owner: 'proxy_owner' });
    expect(cluster.spec.managed.roles[0].name).toBe('proxy_owner');
    expect(single(objects, 'Database').spec).toMatchObject({ name: 'llm_proxy', owner: 'proxy_owner' });
  });

  it('cnpg: a Cluster with database and owner litellm, the tuned parameters over the defaults, and a Database CR', async () => {
    const objects = await render(major, { files: ['ci/04-cnpg.yaml'] });
    const cluster = single(objects, 'Cluster');
    expect(cluster.apiVersion).toBe('postgresql.cnpg.io/v1');
    expect(cluster.metadata.name).toBe('rel-litellm-stack-db');
    expect(cluster.spec).toMatchObject({
      instances: 1,
      imageName: 'ghcr.io/cloudnative-pg/postgresql:17.5',
      bootstrap: { initdb: { database: 'litellm', owner: 'litellm' } },
      storage: { size: '50Gi', storageClass: 'fast-ssd' },
      resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '2Gi' } },
      affinity: { enablePodAntiAffinity: true, podAntiAffinityType: 'preferred' },
    });
    // Overrides win, the other defaults stay.
    expect(cluster.spec.postgresql.parameters).toMatchObject({ max_connections: '300', shared_buffers: '512MB', work_mem: '4MB' });
    expect(cluster.spec.managed.roles).toEqual([expect.objectContaining({ name: 'litellm', login: true, ensure: 'present' })]);
    expect(cluster.spec.managed.roles[0].passwordSecret).toBeUndefined();
    expect(cluster.spec.plugins).toBeUndefined();
    expect(cluster.spec.bootstrap.recovery).toBeUndefined();

    const podMonitor = single(objects, 'PodMonitor');
    expect(podMonitor.metadata.labels).toMatchObject({ release: 'kube-prometheus-stack' });
    expect(podMonitor.spec).toEqual({ selector: { matchLabels: { 'cnpg.io/cluster': 'rel-litellm-stack-db' } }, podMetricsEndpoints: [{ port: 'metrics' }] });

    const database = single(objects, 'Database');
    expect(database.spec).toEqual({
      name: 'litellm', owner: 'litellm', cluster: { name: 'rel-litellm-stack-db' }, ensure: 'present', databaseReclaimPolicy: 'retain',
    });
  });

  it('cnpg: DATABASE_URL is the uri key of the operator-made app Secret; the pool limit reaches general_settings', async () => {
    const objects = await render(major, { files: ['ci/04-cnpg.yaml'] });
    expect(envVar(objects, 'DATABASE_URL')).toEqual({ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'rel-litellm-stack-db-app', key: 'uri' } } });
    expect(liteLLMConfig(objects).general_settings.database_connection_pool_limit).toBe(20);
    // No password is assembled by the chart: no Secret it renders mentions the database.
    for (const secret of objectsOfKind(objects, 'Secret')) expect(JSON.stringify(secret)).not.toMatch(/postgres|DATABASE/i);
  });

  it('cnpg HA: three instances that must not share a node', async () => {
    const objects = await render(major, { files: ['ci/05-cnpg-ha.yaml'] });
    const cluster = single(objects, 'Cluster');
    expect(cluster.spec.instances).toBe(3);
    expect(cluster.spec.affinity).toEqual({ enablePodAntiAffinity: true, topologyKey: 'kubernetes.io/hostname', podAntiAffinityType: 'required' });
    expect(objects.filter((o) => o.kind === 'PodMonitor')).toEqual([]);
  });

  it('external: DATABASE_URL from the named Secret key and no CNPG objects', async () => {
    const objects = await render(major, { files: ['ci/08-external-db.yaml'] });
    expect(envVar(objects, 'DATABASE_URL').valueFrom.secretKeyRef).toEqual({ name: 'litellm-postgres', key: 'DATABASE_URL' });
    expect(objects.filter((o) => o.apiVersion.startsWith('postgresql.cnpg.io/'))).toEqual([]);
  });

  it('none: no DATABASE_URL, no database objects, no migration Job even on upgrade', async () => {
    const objects = await render(major, { values: { ...oneRegion, database: { mode: 'none' } }, upgrade: true });
    expect(envVar(objects, 'DATABASE_URL')).toBeUndefined();
    expect(envVar(objects, 'DISABLE_SCHEMA_UPDATE')).toBeUndefined();
    expect(objects.filter((o) => o.apiVersion.startsWith('postgresql.cnpg.io/') || o.kind === 'Job')).toEqual([]);
    expect(liteLLMConfig(objects).general_settings).not.toHaveProperty('database_connection_pool_limit');
  });

  describe('uninstall keeps the data', () => {
    // What holds the data (Cluster: its PVCs are owned by it; Database) or keeps protecting it (the
    // ObjectStore the kept Cluster archives WAL to, the ScheduledBackup), and the salt key's Secret.
    const kept = ['Cluster', 'Database', 'ObjectStore', 'ScheduledBackup'];
    const keepPolicy = (object: K8sObject) => object.metadata.annotations?.['helm.sh/resource-policy'];

    it.each(scenarioFiles)('%s: every database and backup object carries helm.sh/resource-policy: keep', async (file) => {
      const objects = await render(major, { files: [file] });
      for (const object of objects.filter((o) => kept.includes(o.kind))) expect([object.kind, keepPolicy(object)]).toEqual([object.kind, 'keep']);
    });

    it('database.keepOnUninstall=false: uninstall deletes them; the chart-created Secret (salt key) is still kept', async () => {
      const withBackup = { ...oneRegion, backup: { enabled: true, endpointURL: 'http://s3.example', s3Credentials: { existingSecret: 's3' } } };
      const kinds = (objects: K8sObject[]) => objects.filter((o) => keepPolicy(o) === 'keep').map((o) => o.kind).sort();
      const values = { ...withBackup, secrets: { values: { AZURE_US_EAST_API_KEY: 'k' } } };
      expect(kinds(await render(major, { values }))).toEqual([...kept, 'Secret'].sort());
      expect(kinds(await render(major, { values: { ...values, database: { keepOnUninstall: false } } }))).toEqual(['Secret']);
    });
  });

  describe('migrations', () => {
    it('install: no hook Job (the CNPG app Secret does not exist yet); pods migrate on start', async () => {
      const objects = await render(major, { files: ['ci/04-cnpg.yaml'] });
      expect(objectsOfKind(objects, 'Job')).toEqual([]);
      expect(envVar(objects, 'DISABLE_SCHEMA_UPDATE')).toBeUndefined();
    });

    it.each(['04-cnpg', '08-external-db'])('upgrade (%s): a pre-upgrade Job migrates with the new image; pods only check the schema', async (scenario) => {
      const objects = await render(major, { files: [`ci/${scenario}.yaml`], values: { image: { tag: 'main-v1.80.9-stable' } }, upgrade: true });
      const job = single(objects, 'Job');
      expect(job.metadata.annotations).toEqual({ 'helm.sh/hook': 'pre-upgrade', 'helm.sh/hook-delete-policy': 'before-hook-creation' });
      expect(job.spec).toMatchObject({ backoffLimit: 1, activeDeadlineSeconds: 900, ttlSecondsAfterFinished: 3600 });
      const pod = job.spec.template.spec;
      expect(pod.restartPolicy).toBe('Never');
      const [container] = pod.containers;
      expect(container.image).toBe('ghcr.io/berriai/litellm-non_root:main-v1.80.9-stable');
      expect(container.image).toBe(proxyContainer(objects).image);
      // Fails the Job when the migration fails (the litellm CLI itself exits 0 then).
      expect(container.command.slice(0, 2)).toEqual(['python', '-c']);
      expect(container.command[2]).toContain('sys.exit(0 if PrismaManager.setup_database(use_migrate=True) else 1)');
      // Same database as the proxy, and a writable migration directory.
      expect(container.env.find((e: { name: string }) => e.name === 'DATABASE_URL')).toEqual(envVar(objects, 'DATABASE_URL'));
      expect(container.env).toContainEqual({ name: 'LITELLM_MIGRATION_DIR', value: '/tmp/prisma' });
      // No outbound call for the model price map: the Job only needs the database.
      expect(container.env).toContainEqual({ name: 'LITELLM_LOCAL_MODEL_COST_MAP', value: 'True' });
      expect(container.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
      expect(container.env.find((e: { name: string }) => e.name === 'DISABLE_SCHEMA_UPDATE')).toBeUndefined();
      expect(envVar(objects, 'DISABLE_SCHEMA_UPDATE')).toEqual({ name: 'DISABLE_SCHEMA_UPDATE', value: 'true' });
    });

    it('the Job\'s pods are not proxy pods: the Service selector does not match them', async () => {
      const objects = await render(major, { files: ['ci/04-cnpg.yaml'], upgrade: true });
      const labels = single(objects, 'Job').spec.template.metadata.labels;
      const selector: Record<string, string> = single(objects, 'Service').spec.selector;
      expect(Object.entries(selector).every(([key, value]) => labels[key] === value)).toBe(false);
      expect(labels).toEqual({ 'app.kubernetes.io/component': 'db-migration', 'app.kubernetes.io/instance': 'rel', 'app.kubernetes.io/part-of': 'litellm-stack' });
    });

    it('migrations.job=false: no Job on upgrade, and pods keep migrating on start', async () => {
      const objects = await render(major, { files: ['ci/04-cnpg.yaml'], values: { database: { migrations: { job: false } } }, upgrade: true });
      expect(objectsOfKind(objects, 'Job')).toEqual([]);
      expect(envVar(objects, 'DISABLE_SCHEMA_UPDATE')).toBeUndefined();
    });
  });

  describe('max_connections covers the proxy', () => {
    it('counts the HPA maximum and the rollout surge', async () => {
      // 10 pods + 25% surge (3) = 13 × 1 worker × 10 = 130, + 10 reserved = 140 <= 140.
      const fits = { ...oneRegion, autoscaling: { enabled: true, maxReplicas: 10 }, database: { cnpg: { parameters: { max_connections: '140' } } } };
      await render(major, { values: fits });
      const message = await rejectionOf(major, { ...fits, database: { cnpg: { parameters: { max_connections: '139' } } } });
      expect(message).toContain('database.cnpg.parameters.max_connections: 139 is too low: up to 13 proxy pods');
    });
  });

});

async function rejectionOf(major: HelmMajor, values: object): Promise<string> {
  const result = await tryRender(major, { values });
  expect(result.code).not.toBe(0);
  return result.stderr;
}

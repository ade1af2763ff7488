// Values of the database feature: the PostgreSQL database LiteLLM keeps keys, teams, users and spend
// in (CloudNativePG in the chart, or an external one), its Prisma migrations, and its backups.
import { bool, containerList, control, group, int, labelKeys, labelValues, oneOf, openList, openMap, orEmpty, patterns, resources, str, type SpecNode } from '../spec.ts';

const secretName = { pattern: orEmpty(patterns.dnsSubdomain), maxLength: 253 };
const secretKey = { pattern: '^[-._a-zA-Z0-9]*$', maxLength: 253 };
const pgIdentifier = '^[a-z_][a-z0-9_]{0,62}$';
/** Schema: the `then` constraints apply when every property in `on` matches. */
export const whenOn = (on: Record<string, object>, then: Record<string, object>) => ({
  if: { properties: on, required: Object.keys(on) },
  then: { properties: then },
});

export const databaseModes = ['cnpg', 'external', 'none'] as const;

export const databaseArea: Record<string, SpecNode> = {
  database: group(
    'PostgreSQL for LiteLLM\'s keys, teams, users, spend and admin UI login (without one the proxy only routes with the master key). See docs/database.md.',
    {
      mode: oneOf(
        '`cnpg`: a CloudNativePG Cluster in the release namespace (needs the CNPG operator). `external`: DATABASE_URL from `database.external`. `none`: no database (no virtual keys, teams or UI login).',
        databaseModes,
        'cnpg',
      ),
      keepOnUninstall: bool(
        'Annotate the CNPG Cluster, its Database, the backup ObjectStore and ScheduledBackup with helm.sh/resource-policy: keep: `helm uninstall`, and an upgrade or rollback that stops rendering them, leave them and the PVCs the Cluster owns; a reinstall under the same release name and namespace adopts them. false: uninstall deletes them, and with the Cluster every PVC and all data. See docs/database.md.',
        true,
      ),
      connectionPoolLimit: int('general_settings.database_connection_pool_limit: Prisma connections per proxy worker.', 10, { minimum: 1 }),
      cnpg: group('The CloudNativePG Cluster (mode cnpg). DATABASE_URL is the `uri` of the operator-made `<cluster>-app` Secret.', {
        clusterName: str(
          'Name of the Cluster (and prefix of its Secrets and Services); empty: <release>-litellm-stack-db. Set it to adopt or recover an existing cluster under its own name (docs/migrating-from-manifests.md).',
          '',
          { pattern: '^([a-z0-9]([-a-z0-9]{0,48}[a-z0-9])?)?$' },
        ),
        database: str('The application database initdb (or recovery) creates and the Database object declares.', 'litellm', { pattern: pgIdentifier }),
        owner: str('Its owner role, the user in DATABASE_URL.', 'litellm', { pattern: pgIdentifier }),
        priorityClassName: str('PriorityClass of the PostgreSQL pods (the seed: system-cluster-critical); empty: none.', '', secretName),
        extensions: openList(
          'Extension images mounted into PostgreSQL (Cluster spec.postgresql.extensions, image volumes: Kubernetes 1.33+, PostgreSQL 18+), e.g. [{name: pgvector, image: {reference: ghcr.io/cloudnative-pg/pgvector:0.8.1-18-trixie}}].',
          [],
          {
            type: 'object',
            required: ['name', 'image'],
            additionalProperties: true,
            properties: {
              name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', description: 'Name of the extension\'s volume.' },
              image: {
                type: 'object', required: ['reference'], additionalProperties: true, description: 'The extension image.',
                properties: { reference: { type: 'string', pattern: patterns.imageReference, description: 'Image reference.' } },
              },
            },
          },
        ),
        databaseExtensions: openList(
          'Extensions CREATEd in the database (Database spec.extensions), e.g. [{name: vector}] for pgvector.',
          [],
          {
            type: 'object',
            required: ['name'],
            additionalProperties: false,
            properties: {
              name: { type: 'string', pattern: pgIdentifier, description: 'Extension name (CREATE EXTENSION).' },
              ensure: { type: 'string', enum: ['present', 'absent'], description: 'present (default) or absent.' },
              version: { type: 'string', minLength: 1, pattern: patterns.token, description: 'Version to install; empty: the default.' },
              schema: { type: 'string', pattern: pgIdentifier, description: 'Schema to install into.' },
            },
          },
        ),
        instances: int('PostgreSQL instances: 1 primary plus replicas. 3 or more for high availability (pods spread by anti-affinity).', 1, { minimum: 1 }),
        imageName: str('PostgreSQL operand image. Pinned: a major version change needs a planned upgrade.', 'ghcr.io/cloudnative-pg/postgresql:17.5', { pattern: patterns.imageReference }),
        storage: group('The data volume of each instance.', {
          size: str('PVC size.', '20Gi', { pattern: '^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$' }),
          storageClass: str('StorageClass of the PVCs; empty: the cluster default.', '', secretName),
        }),
        resources: resources('Resources of each PostgreSQL instance. Keep memory above shared_buffers plus max_connections × work_mem.', {
          requests: { cpu: '250m', memory: '512Mi' },
          limits: { memory: '1Gi' },
        }),
        antiAffinity: oneOf('How strictly instances avoid sharing a node (CNPG podAntiAffinityType). `required` needs as many nodes as instances.', ['preferred', 'required'], 'preferred'),
        parameters: openMap(
          'postgresql.conf parameters (strings), merged over the defaults shown, sized for the 1Gi limit. max_connections must cover every proxy pod × numWorkers × connectionPoolLimit; the chart checks it.',
          {
            max_connections: '200',
            shared_buffers: '256MB',
            effective_cache_size: '768MB',
            work_mem: '4MB',
            maintenance_work_mem: '64MB',
            wal_compression: 'lz4',
            log_min_duration_statement: '1000',
            idle_in_transaction_session_timeout: '300000',
          },
          { type: 'string', pattern: patterns.line },
          { propertyNames: { pattern: '^[a-z_][a-z0-9_.]*$' } },
        ),
        podMonitor: group('A Prometheus Operator PodMonitor scraping the instances\' metrics port (CNPG deprecates its own `monitoring.enablePodMonitor`).', {
          enabled: bool('Render the PodMonitor (needs the monitoring.coreos.com CRDs).', false),
          labels: openMap('Extra labels, e.g. the one your Prometheus selects monitors by (release: kube-prometheus-stack).', {}, labelValues, labelKeys),
        }),
        import: group(
          'Bootstrap a NEW cluster by importing the database of a running PostgreSQL (CNPG initdb.import, microservice: pg_dump/pg_restore of one database) instead of an empty initdb. Only read when the cluster is created; see docs/migrating-from-manifests.md.',
          {
            enabled: bool('Import from the source below.', false),
            source: group('The running PostgreSQL to import from (an externalClusters entry).', {
              host: str('Its host, e.g. litellm-postgresql-rw.ai-system.svc. Required when enabled.', '', { pattern: orEmpty(patterns.dnsSubdomain), maxLength: 253 }),
              port: int('Its port.', 5432, { minimum: 1, maximum: 65535 }),
              database: str('The database to import.', 'litellm', { pattern: pgIdentifier }),
              user: str('A role that may read every table of it (its owner, or a superuser).', 'litellm', { pattern: pgIdentifier }),
              sslmode: oneOf('libpq sslmode of the connection.', ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'], 'require'),
              passwordSecret: group('The Secret (in the release namespace) with that role\'s password, e.g. the seed\'s litellm-postgresql-app.', {
                name: str('Secret name. Required when enabled.', '', secretName),
                key: str('Key holding the password.', 'password', { minLength: 1, ...secretKey }),
              }),
            }),
          },
        ),
        recovery: group(
          'Bootstrap a NEW cluster from a Barman Cloud backup instead of initdb (full or point-in-time). Only read when the cluster is created; see docs/backup-restore.md.',
          {
            enabled: bool('Recover from the object store instead of creating an empty database.', false),
            source: group('Where the backup to restore lives.', {
              objectStore: str('Name of the ObjectStore (in the release namespace) holding the backup; empty: this release\'s own (needs backup.enabled).', '', secretName),
              serverName: str('Folder (Barman server name) of the backed-up cluster in that store; empty: this release\'s cluster name.', '', secretName),
            }),
            targetTime: str('Point in time to recover to (RFC 3339, e.g. 2026-01-31T12:00:00Z); empty: the end of the WAL archive.', '', {
              pattern: '^([0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?$',
            }),
          },
        ),
      }),
      external: group(
        'An existing PostgreSQL (mode external).',
        {
          existingSecret: str('Secret (in the release namespace) holding the connection URI. Required in mode external.', '', secretName),
          secretKey: str('Key of that Secret holding postgresql://user:password@host:5432/db.', 'DATABASE_URL', { minLength: 1, ...secretKey }),
        },
      ),
      migrations: group(
        'Prisma migrations. Install: the first pods migrate on start (the CNPG app Secret does not exist before the Cluster). Upgrade: a pre-upgrade hook Job migrates with the NEW image before any pod changes, and pods run with DISABLE_SCHEMA_UPDATE=true. See docs/database.md.',
        {
          job: bool('Migrate in a pre-upgrade hook Job. false: every pod migrates on start (Prisma\'s advisory lock serialises them).', true),
          backoffLimit: int('Retries of the migration Job.', 1, { minimum: 0 }),
          activeDeadlineSeconds: int('Seconds the migration Job may run before it fails the upgrade.', 900, { minimum: 60 }),
          ttlSecondsAfterFinished: int('Seconds a finished migration Job (and its logs) is kept.', 3600, { minimum: 0 }),
          hookWeight: int('helm.sh/hook-weight of the Job: order among your own pre-upgrade hooks (lower runs first).', 0, { minimum: -1000, maximum: 1000 }),
          annotations: openMap('Extra annotations of the Job (the chart\'s helm.sh/hook* annotations are not overridable).', {}, { type: 'string' }, {
            ...labelKeys,
            not: { anyOf: ['helm.sh/hook', 'helm.sh/hook-weight', 'helm.sh/hook-delete-policy'].map((key) => ({ required: [key] })) },
          }),
          resources: resources('Resources of the migration container; empty: the proxy\'s `resources` (Prisma\'s migrate engine is small, but the image imports all of LiteLLM first).', {}),
          serviceAccountName: str('ServiceAccount of the Job\'s pod; empty: the proxy\'s. It must exist before the upgrade starts (the hook runs before the release\'s objects change).', '', {
            pattern: orEmpty(patterns.dnsSubdomain),
            maxLength: 253,
          }),
          initContainers: containerList(
            'Init containers of the Job\'s pod (Kubernetes Container objects), e.g. a database proxy as a native sidecar (`restartPolicy: Always`, Kubernetes 1.29+): a plain sidecar container would keep the Job from completing, so the Job has no extraContainers. One without a securityContext gets the chart\'s `securityContext`; the name `migrate` is refused.',
          ),
        },
      ),
    },
    {
      schema: {
        allOf: [
          whenOn({ mode: { const: 'external' } }, { external: { properties: { existingSecret: { minLength: 1 } } } }),
          {
            if: { properties: { cnpg: { properties: { import: { properties: { enabled: { const: true } }, required: ['enabled'] } }, required: ['import'] } }, required: ['cnpg'] },
            then: {
              properties: {
                cnpg: {
                  properties: {
                    import: { properties: { source: { properties: { host: { minLength: 1 }, passwordSecret: { properties: { name: { minLength: 1 } } } } } } },
                  },
                },
              },
            },
          },
        ],
      },
    },
  ),
  backup: group(
    'Continuous backup of the CNPG cluster with the Barman Cloud plugin (WAL archive + scheduled base backups) to S3-compatible storage. Needs database.mode cnpg and the plugin installed. See docs/backup-restore.md.',
    {
      enabled: bool('Render the ObjectStore, the Cluster\'s WAL-archiver plugin entry and a ScheduledBackup.', false),
      destinationPath: str('Bucket (and optional prefix) backups go to.', 's3://litellm-backups', { pattern: `^s3://[a-z0-9][-a-z0-9.]{1,61}[a-z0-9](/[^${control} ]*)?$` }),
      endpointURL: str('S3 endpoint URL of the object store (RustFS, MinIO, …), without userinfo (keys go in s3Credentials). Required when enabled.', '', { pattern: orEmpty(patterns.url) }),
      s3Credentials: group('The Secret with the S3 access key pair (least-privilege policy: files/bucket-policy.json).', {
        existingSecret: str('Secret name. Required when enabled.', '', secretName),
        accessKeyIdKey: str('Key holding the access key id.', 'ACCESS_KEY_ID', { minLength: 1, ...secretKey }),
        secretAccessKeyKey: str('Key holding the secret access key.', 'SECRET_ACCESS_KEY', { minLength: 1, ...secretKey }),
      }),
      serverName: str(
        'Folder (Barman server name) this cluster archives to under destinationPath; empty: the cluster name. A restored cluster must archive to a NEW folder.',
        '',
        secretName,
      ),
      retentionPolicy: str('How long backups and WAL are kept (XXd, XXw or XXm).', '7d', { pattern: '^[1-9][0-9]*[dwm]$' }),
      walCompression: oneOf('Compression of archived WAL files.', ['gzip', 'bzip2', 'lz4', 'snappy', 'xz', 'zstd'], 'gzip'),
      dataCompression: oneOf('Compression of base backups.', ['gzip', 'bzip2', 'lz4', 'snappy'], 'gzip'),
      sidecar: group('The plugin\'s sidecar in each PostgreSQL pod (ObjectStore spec.instanceSidecarConfiguration).', {
        resources: resources('Its resources (the seed: requests 50m/64Mi, limits 200m/256Mi); empty: none.', {}),
        retentionPolicyIntervalSeconds: int('Seconds between its retention-policy runs; null: the plugin\'s default (1800).', null, { minimum: 1 }),
      }),
      schedule: str('Base backup schedule: six-field cron, seconds first (CNPG ScheduledBackup). The first backup runs at once.', '0 0 3 * * *', {
        pattern: '^([!-~]+ +){5}[!-~]+$',
      }),
    },
    {
      schema: {
        allOf: [whenOn({ enabled: { const: true } }, { endpointURL: { minLength: 1 }, s3Credentials: { properties: { existingSecret: { minLength: 1 } } } })],
      },
    },
  ),
};

// Backups with the CNPG Barman Cloud plugin (ObjectStore, the Cluster's WAL archiver, ScheduledBackup),
// recovery into a new cluster, and the least-privilege bucket policy shipped in the chart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chartDir, helmMajors } from '../../tools/helm.ts';
import { objectsOfKind, render, single } from '../support/chart.ts';
import { schemaErrors } from '../support/validate.ts';

const plugin = 'barman-cloud.cloudnative-pg.io';

describe.each(helmMajors)('backup (%s)', (major) => {
  it('off by default: no ObjectStore, no ScheduledBackup, no plugin on the Cluster', async () => {
    const objects = await render(major, { files: ['ci/04-cnpg.yaml'] });
    expect(objectsOfKind(objects, 'ObjectStore')).toEqual([]);
    expect(objectsOfKind(objects, 'ScheduledBackup')).toEqual([]);
    expect(single(objects, 'Cluster').spec.plugins).toBeUndefined();
  });

  it('an ObjectStore for the S3-compatible store, with the key pair from the Secret and checksum env for RustFS/MinIO', async () => {
    const store = single(await render(major, { files: ['ci/06-backup.yaml'] }), 'ObjectStore');
    expect(store.apiVersion).toBe('barmancloud.cnpg.io/v1');
    expect(store.metadata.name).toBe('rel-litellm-stack-backup');
    expect(store.spec).toEqual({
      retentionPolicy: '14d',
      configuration: {
        destinationPath: 's3://litellm-backups',
        endpointURL: 'http://rustfs.storage.svc.cluster.local:9000',
        s3Credentials: {
          accessKeyId: { name: 'litellm-backup-s3', key: 'ACCESS_KEY_ID' },
          secretAccessKey: { name: 'litellm-backup-s3', key: 'SECRET_ACCESS_KEY' },
        },
        wal: { compression: 'gzip' },
        data: { compression: 'gzip' },
      },
      instanceSidecarConfiguration: {
        env: [
          { name: 'AWS_REQUEST_CHECKSUM_CALCULATION', value: 'when_required' },
          { name: 'AWS_RESPONSE_CHECKSUM_VALIDATION', value: 'when_required' },
        ],
      },
    });
  });

  it('the Cluster archives WAL through the plugin into its own folder, and a ScheduledBackup uses the plugin', async () => {
    const objects = await render(major, { files: ['ci/06-backup.yaml'] });
    const cluster = single(objects, 'Cluster');
    expect(cluster.spec.plugins).toEqual([
      { name: plugin, isWALArchiver: true, parameters: { barmanObjectName: 'rel-litellm-stack-backup', serverName: 'rel-litellm-stack-db' } },
    ]);
    const scheduled = single(objects, 'ScheduledBackup');
    expect(scheduled.spec).toEqual({
      cluster: { name: cluster.metadata.name },
      schedule: '0 30 2 * * *',
      method: 'plugin',
      pluginConfiguration: { name: plugin },
      immediate: true,
      backupOwnerReference: 'self',
    });
  });

  it('restore: the new cluster bootstraps from the backup to the target time and archives to a new folder', async () => {
    const cluster = single(await render(major, { files: ['ci/07-restore.yaml'] }), 'Cluster');
    expect(cluster.spec.bootstrap).toEqual({
      recovery: { source: 'origin', database: 'litellm', owner: 'litellm', recoveryTarget: { targetTime: '2026-01-31T12:00:00Z' } },
    });
    expect(cluster.spec.externalClusters).toEqual([
      { name: 'origin', plugin: { name: plugin, parameters: { barmanObjectName: 'rel-litellm-stack-backup', serverName: 'rel-litellm-stack-db' } } },
    ]);
    expect(cluster.spec.plugins[0].parameters.serverName).toBe('rel-litellm-stack-db-2');
  });

  it('restore from another ObjectStore, without backups of its own and without a target time (end of the archive)', async () => {
    const values = {
      secrets: { existingSecret: 'litellm-secrets' },
      database: { cnpg: { recovery: { enabled: true, source: { objectStore: 'old-release-backup', serverName: 'old-db' } } } },
    };
    const cluster = single(await render(major, { values }), 'Cluster');
    expect(cluster.spec.bootstrap.recovery).toEqual({ source: 'origin', database: 'litellm', owner: 'litellm' });
    expect(cluster.spec.externalClusters[0].plugin.parameters).toEqual({ barmanObjectName: 'old-release-backup', serverName: 'old-db' });
    expect(cluster.spec.plugins).toBeUndefined();
  });

});

describe('files/bucket-policy.json', () => {
  const policy = JSON.parse(readFileSync(join(chartDir, 'files', 'bucket-policy.json'), 'utf8'));
  const defaultBucket = 'litellm-backups';

  it('grants only listing and locating the bucket, and get/put/delete on its objects', () => {
    expect(policy.Version).toBe('2012-10-17');
    const grants = policy.Statement.map((s: { Effect: string; Action: string[]; Resource: string[] }) => ({ effect: s.Effect, actions: [...s.Action].sort(), resources: s.Resource }));
    expect(grants).toEqual([
      { effect: 'Allow', actions: ['s3:GetBucketLocation', 's3:ListBucket'], resources: [`arn:aws:s3:::${defaultBucket}`] },
      { effect: 'Allow', actions: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'], resources: [`arn:aws:s3:::${defaultBucket}/*`] },
    ]);
  });

  it('names the bucket of the default backup.destinationPath', () => {
    const values = parse(readFileSync(join(chartDir, 'values.yaml'), 'utf8'));
    expect(values.backup.destinationPath).toBe(`s3://${defaultBucket}`);
  });
});

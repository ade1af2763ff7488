// dist/release.json: what was released, where, and with which tools.

export interface ReleaseRecord {
  chart: string;
  version: string;
  appVersion: string;
  /** oci://host/namespace/chart */
  reference: string;
  /** Manifest digest in the registry; null in a dry run of a version not yet published. */
  digest: string | null;
  /** sha256 of the chart archive (the chart layer's digest). */
  chartDigest: string;
  /** Archive size in bytes. */
  size: number;
  archive: string;
  provenance: string | null;
  signed: boolean;
  /** pushed: new in the registry; unchanged: the same chart was already there; dry-run: nothing pushed. */
  published: 'pushed' | 'unchanged' | 'dry-run';
  helm: Record<string, string>;
  packagedWith: string;
  /** Modification time given to every archived file (seconds since the epoch). */
  sourceDateEpoch: number;
  gitCommit: string;
  timestamp: string;
}

export function releaseJson(record: ReleaseRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

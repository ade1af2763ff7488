// "A published version never changes": where the new version stands among the registry's tags, and
// what to do when it is already there.
import { ReleaseError } from './errors.ts';
import { compareSemver, latestVersion, versionToTag, type SemVer } from './semver.ts';

export interface VersionStanding {
  /** The highest chart version in the registry, if any. */
  last?: string;
  /** The version is already published (its tag exists). */
  exists: boolean;
}

/** Refuses a version that is new but not greater than the last released one. */
export function versionStanding(version: SemVer, tags: readonly string[]): VersionStanding {
  const exists = tags.includes(versionToTag(version.raw));
  const last = latestVersion(tags);
  if (!exists && last && compareSemver(version, last) <= 0) {
    throw new ReleaseError(`version ${version.raw} is not greater than the last released version ${last.raw}`);
  }
  return last ? { last: last.raw, exists } : { exists };
}

export type Publication = { action: 'push' } | { action: 'unchanged'; digest: string };

export interface PublishedChart {
  /** Manifest digest of the published version. */
  digest: string;
  /** Digest of its chart layer, i.e. the sha256 of its .tgz. */
  chartDigest: string;
}

/**
 * Same chart digest: nothing to push (success). Another digest: refused, naming the files that
 * differ when they are known.
 */
export function decidePublication(version: string, published: PublishedChart | undefined, localChartDigest: string, differingFiles: readonly string[] = []): Publication {
  if (!published) return { action: 'push' };
  if (published.chartDigest === localChartDigest) return { action: 'unchanged', digest: published.digest };
  const files = differingFiles.length > 0
    ? `; differing files: ${differingFiles.slice(0, 5).join(', ')}${differingFiles.length > 5 ? ` and ${differingFiles.length - 5} more` : ''}`
    : '';
  throw new ReleaseError(
    `version ${version} is already published with chart digest ${published.chartDigest}, but the local chart is ${localChartDigest}${files}. A published version never changes: release a new version`,
  );
}

// Semantic Versioning 2.0.0: parsing, precedence, and the OCI tag form Helm uses (`+` becomes `_`).

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
  build: string[];
  raw: string;
}

// The regular expression semver.org recommends.
const pattern =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export function parseSemver(text: string): SemVer | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  const [, major, minor, patch, prerelease, build] = match;
  const numbers = [major, minor, patch].map(Number);
  if (numbers.some((n) => !Number.isSafeInteger(n))) return undefined;
  return {
    major: numbers[0]!,
    minor: numbers[1]!,
    patch: numbers[2]!,
    prerelease: prerelease ? prerelease.split('.') : [],
    build: build ? build.split('.') : [],
    raw: text,
  };
}

const isNumeric = (identifier: string) => /^\d+$/.test(identifier);

function compareIdentifiers(a: string, b: string): number {
  const aNum = isNumeric(a);
  const bNum = isNumeric(b);
  if (aNum && bNum) return Math.sign(Number(a) - Number(b));
  if (aNum) return -1;
  if (bNum) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Precedence (semver §11): build metadata is ignored; a pre-release sorts before its release. */
export function compareSemver(a: SemVer, b: SemVer): number {
  for (const key of ['major', 'minor', 'patch'] as const) {
    if (a[key] !== b[key]) return Math.sign(a[key] - b[key]);
  }
  if (a.prerelease.length === 0 && b.prerelease.length === 0) return 0;
  if (a.prerelease.length === 0) return 1;
  if (b.prerelease.length === 0) return -1;
  const length = Math.max(a.prerelease.length, b.prerelease.length);
  for (let i = 0; i < length; i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const order = compareIdentifiers(x, y);
    if (order !== 0) return order;
  }
  return 0;
}

/** OCI tags cannot hold `+`; Helm pushes `1.0.0+build` as the tag `1.0.0_build`. */
export const versionToTag = (version: string) => version.replaceAll('+', '_');
export const tagToVersion = (tag: string) => tag.replaceAll('_', '+');

/** The highest semver among registry tags; tags that are not chart versions (e.g. `latest`, cosign's `sha256-….sig`) are ignored. */
export function latestVersion(tags: readonly string[]): SemVer | undefined {
  let best: SemVer | undefined;
  for (const tag of tags) {
    const version = parseSemver(tagToVersion(tag));
    if (version && (!best || compareSemver(version, best) > 0)) best = version;
  }
  return best;
}

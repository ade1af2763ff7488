// Prerequisites that match reality: one Node version in package.json, the README and the workflows,
// satisfied by every installed dependency's own `engines.node`; Go and its installation stated.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../../tools/helm.ts';

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const engines: string = JSON.parse(read('package.json')).engines.node;
const minimum = semver.minVersion(engines)!.version;

describe('prerequisites', () => {
  it('the README states the engines minimum', () => {
    expect(engines).toBe('>=20.19');
    expect(read('README.md')).toContain(`Node ${minimum.replace(/\.0$/, '')} or later`);
  });

  it('every workflow sets up a Node that satisfies engines, the same one everywhere', () => {
    const versions = readdirSync(join(repoRoot, '.github/workflows')).flatMap((file) =>
      Object.values<any>(parse(read(`.github/workflows/${file}`)).jobs).flatMap((job) =>
        (job.steps ?? []).filter((step: any) => String(step.uses ?? '').startsWith('actions/setup-node@')).map((step: any) => String(step.with['node-version']))));
    expect(versions.length).toBeGreaterThan(0);
    expect(new Set(versions).size).toBe(1);
    expect(semver.satisfies(semver.minVersion(versions[0]!)!, engines)).toBe(true);
  });

  it('every dependency in the lockfile accepts the oldest Node that engines allows (npm would warn EBADENGINE)', () => {
    const lock = JSON.parse(read('package-lock.json'));
    const refusing = Object.entries<any>(lock.packages)
      .filter(([path, entry]) => path && entry.engines?.node && !semver.satisfies(minimum, entry.engines.node))
      .map(([path, entry]) => `${path.replace(/^.*node_modules\//, '')} needs node ${entry.engines.node}`);
    expect(refusing).toEqual([]);
  });

  it('Go is listed, and .ci/run installs it when missing', () => {
    expect(read('README.md')).toMatch(/\*\*Go 1\.\d+ or later\*\*/);
    const ci = read('.ci/run');
    // Installed when Go is missing or older than the pin (Debian's golang-go 1.19 is).
    expect(ci).toMatch(/if ! go_is_new_enough; then/);
    expect(ci).toContain('golang.org/toolchain@v0.0.1-go${go_toolchain}');
  });
});

import { describe, expect, it } from 'vitest';
import { compareSemver, latestVersion, parseSemver, tagToVersion, versionToTag } from './semver.ts';

const v = (text: string) => {
  const parsed = parseSemver(text);
  if (!parsed) throw new Error(`not semver: ${text}`);
  return parsed;
};

describe('parseSemver', () => {
  it.each(['0.1.0', '1.2.3', '10.20.30', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-0.3.7', '1.0.0-x.7.z.92', '1.0.0+20130313144700', '1.0.0-beta+exp.sha.5114f85'])('accepts %s', (text) => {
    expect(parseSemver(text)?.raw).toBe(text);
  });

  it.each(['1.0', '1', 'v1.0.0', '01.0.0', '1.02.0', '1.0.0-', '1.0.0-01', '1.0.0+', '1.0.0 ', '', 'latest', '1.0.0-alpha..1', '99999999999999999999.0.0'])('refuses %j', (text) => {
    expect(parseSemver(text)).toBeUndefined();
  });
});

describe('compareSemver', () => {
  it('orders by semver precedence (semver.org §11 example)', () => {
    const ordered = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.1.0', '2.0.0', '10.0.0'];
    for (let i = 0; i + 1 < ordered.length; i++) {
      expect(compareSemver(v(ordered[i]!), v(ordered[i + 1]!)), `${ordered[i]} < ${ordered[i + 1]}`).toBe(-1);
      expect(compareSemver(v(ordered[i + 1]!), v(ordered[i]!))).toBe(1);
    }
  });

  it('ignores build metadata', () => {
    expect(compareSemver(v('1.0.0+a'), v('1.0.0+b'))).toBe(0);
    expect(compareSemver(v('1.0.0'), v('1.0.0'))).toBe(0);
  });
});

describe('tags', () => {
  it('maps + to _ and back, as Helm does for OCI tags', () => {
    expect(versionToTag('1.0.0+build.1')).toBe('1.0.0_build.1');
    expect(tagToVersion('1.0.0_build.1')).toBe('1.0.0+build.1');
  });

  it('finds the latest chart version and ignores other tags', () => {
    expect(latestVersion(['0.1.0', '0.10.0', '0.9.0', 'latest', 'sha256-abc.sig', '1.0.0-rc.1'])?.raw).toBe('1.0.0-rc.1');
    expect(latestVersion(['0.1.0', '0.2.0_build'])?.raw).toBe('0.2.0+build');
    expect(latestVersion([])).toBeUndefined();
    expect(latestVersion(['latest'])).toBeUndefined();
  });
});

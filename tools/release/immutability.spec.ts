import { describe, expect, it } from 'vitest';
import { decidePublication, versionStanding } from './immutability.ts';
import { parseSemver } from './semver.ts';

const v = (text: string) => parseSemver(text)!;
const a = `sha256:${'a'.repeat(64)}`;
const b = `sha256:${'b'.repeat(64)}`;

describe('versionStanding', () => {
  it('accepts a first release and a greater version', () => {
    expect(versionStanding(v('0.1.0'), [])).toEqual({ exists: false });
    expect(versionStanding(v('0.2.0'), ['0.1.0', 'latest'])).toEqual({ last: '0.1.0', exists: false });
    expect(versionStanding(v('1.0.0'), ['1.0.0-rc.1'])).toEqual({ last: '1.0.0-rc.1', exists: false });
  });

  it('refuses a new version that is not greater than the last released one', () => {
    expect(() => versionStanding(v('0.1.0'), ['0.2.0'])).toThrow('version 0.1.0 is not greater than the last released version 0.2.0');
    expect(() => versionStanding(v('1.0.0-rc.1'), ['1.0.0'])).toThrow('not greater');
    expect(() => versionStanding(v('0.2.0+b'), ['0.2.0_a'])).toThrow('not greater');
  });

  it('leaves an existing version to the digest comparison', () => {
    expect(versionStanding(v('0.1.0'), ['0.1.0', '0.2.0'])).toEqual({ last: '0.2.0', exists: true });
    expect(versionStanding(v('0.1.0+b'), ['0.1.0_b'])).toEqual({ last: '0.1.0+b', exists: true });
  });
});

describe('decidePublication', () => {
  it('pushes a version that is not there, and does nothing when the same chart is', () => {
    expect(decidePublication('0.1.0', undefined, a)).toEqual({ action: 'push' });
    expect(decidePublication('0.1.0', { digest: 'sha256:m', chartDigest: a }, a)).toEqual({ action: 'unchanged', digest: 'sha256:m' });
  });

  it('refuses another chart under a published version, naming the files', () => {
    expect(() => decidePublication('0.1.0', { digest: 'sha256:m', chartDigest: a }, b, ['litellm-stack/templates/a.yaml'])).toThrow(
      `version 0.1.0 is already published with chart digest ${a}, but the local chart is ${b}; differing files: litellm-stack/templates/a.yaml. A published version never changes: release a new version`,
    );
    expect(() => decidePublication('0.1.0', { digest: 'm', chartDigest: a }, b, ['1', '2', '3', '4', '5', '6', '7'])).toThrow('differing files: 1, 2, 3, 4, 5 and 2 more.');
  });
});

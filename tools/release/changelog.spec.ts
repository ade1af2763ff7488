import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { changesAnnotation, changesFor } from './changelog.ts';

const changelog = `# Changelog

Intro text.

## [0.2.0] - 2026-11-27

### Added

- A new thing that spans
  two lines.
- Another thing.

### Fixed
* A bug.

## 0.1.0

### Security

- Something old.
`;

describe('changesFor', () => {
  it('reads the section of one version, by kind, joining wrapped bullets', () => {
    expect(changesFor(changelog, '0.2.0')).toEqual([
      { kind: 'added', description: 'A new thing that spans two lines.' },
      { kind: 'added', description: 'Another thing.' },
      { kind: 'fixed', description: 'A bug.' },
    ]);
    expect(changesFor(changelog, '0.1.0')).toEqual([{ kind: 'security', description: 'Something old.' }]);
  });

  it('refuses a version without a section, an empty section and unknown kinds', () => {
    expect(() => changesFor(changelog, '0.3.0', 'charts/x/CHANGELOG.md')).toThrow('charts/x/CHANGELOG.md has no section "## 0.3.0": describe the release there first');
    expect(() => changesFor('## 1.0.0\n\n## 0.9.0\n### Added\n- x\n', '1.0.0')).toThrow('lists no changes');
    expect(() => changesFor('## 1.0.0\n### Improved\n- x\n', '1.0.0')).toThrow('unknown change kind "### Improved"');
    expect(() => changesFor('## 1.0.0\n- x\n', '1.0.0')).toThrow('must sit under');
  });

  it('does not mistake a longer version for the one asked', () => {
    expect(() => changesFor('## 0.2.0-rc.1\n### Added\n- x\n', '0.2.0')).toThrow('no section');
  });
});

describe('changesAnnotation', () => {
  it('is the YAML list Artifact Hub reads', () => {
    const text = changesAnnotation([{ kind: 'added', description: 'Colons: and "quotes" survive' }]);
    expect(parse(text)).toEqual([{ kind: 'added', description: 'Colons: and "quotes" survive' }]);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartPathspecs, sourceDateEpoch } from './epoch.ts';

describe('chartPathspecs', () => {
  it('selects the chart directory minus what .helmignore drops, as git sees it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'epoch-spec-'));
    const files = ['c/Chart.yaml', 'c/values.yaml', 'c/templates/a.yaml', 'c/templates/x.bak', 'c/ci/one.yaml', 'c/CHANGELOG.md', 'c/sub/ci/kept-only-if-unanchored.yaml', 'c/.helmignore', 'other/file'];
    for (const file of files) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), file);
    }
    const helmignore = '# comment\n*.bak\nci/\n/CHANGELOG.md\n!keep\n\n';
    writeFileSync(join(dir, 'c/.helmignore'), helmignore);
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['add', '-A'], { cwd: dir });
    const listed = execFileSync('git', ['ls-files', '--', ...chartPathspecs('c', helmignore)], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
    rmSync(dir, { recursive: true, force: true });
    expect(listed).toEqual(['c/.helmignore', 'c/Chart.yaml', 'c/templates/a.yaml', 'c/values.yaml']);
  });
});

describe('sourceDateEpoch', () => {
  it('reads whole seconds and refuses anything else', () => {
    expect(sourceDateEpoch(undefined)).toBeUndefined();
    expect(sourceDateEpoch('')).toBeUndefined();
    expect(sourceDateEpoch('1700000000')).toBe(1700000000);
    expect(() => sourceDateEpoch('17e8')).toThrow('not a whole number');
    expect(() => sourceDateEpoch('-1')).toThrow('not a whole number');
  });
});

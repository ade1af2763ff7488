import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffFiles, readTarGz } from './archive.ts';

function tarGz(files: Record<string, string>, format: 'gnu' | 'pax' | 'ustar'): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'archive-spec-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, 'src', path, '..'), { recursive: true });
    writeFileSync(join(dir, 'src', path), content);
  }
  execFileSync('tar', [`--format=${format}`, '-czf', join(dir, 'out.tgz'), '-C', join(dir, 'src'), ...Object.keys(files)]);
  const archive = readFileSync(join(dir, 'out.tgz'));
  rmSync(dir, { recursive: true, force: true });
  return archive;
}

const long = `chart/templates/${'very-long-directory-name/'.repeat(5)}file.yaml`;

describe('readTarGz', () => {
  it.each(['gnu', 'pax', 'ustar'] as const)('reads the files of a %s archive, long names included', (format) => {
    const files = { 'chart/Chart.yaml': 'name: chart\n', 'chart/values.yaml': '', [format === 'ustar' ? 'chart/templates/x.yaml' : long]: 'x'.repeat(1500) };
    const read = readTarGz(tarGz(files, format));
    expect(Object.fromEntries([...read].map(([path, data]) => [path, data.toString()]))).toEqual(files);
  });
});

describe('diffFiles', () => {
  it('lists added, removed and changed files', () => {
    const before = new Map([['a', Buffer.from('1')], ['b', Buffer.from('2')], ['c', Buffer.from('3')]]);
    const after = new Map([['a', Buffer.from('1')], ['b', Buffer.from('changed')], ['d', Buffer.from('4')]]);
    expect(diffFiles(before, after)).toEqual(['b', 'c', 'd']);
    expect(diffFiles(before, before)).toEqual([]);
  });
});

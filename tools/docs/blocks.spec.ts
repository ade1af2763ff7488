import { describe, expect, it } from 'vitest';
import { fencedBlocks, parseMarker, replaceBody } from './blocks.ts';

const page = [
  '# Page',
  '<!-- illustrative: needs a cluster -->',
  '```sh',
  'kubectl get pods',
  '```',
  '1. step',
  '',
  '   <!-- output: demo -->',
  '   ```text',
  '   old',
  '   ```',
  '````md',
  '```yaml',
  'nested: fence',
  '```',
  '````',
  '',
].join('\n');

describe('fencedBlocks', () => {
  it('finds each block with its language, line, marker and body, indented and nested fences included', () => {
    const blocks = fencedBlocks('page.md', page);
    expect(blocks.map((b) => [b.line, b.lang, b.marker, b.body])).toEqual([
      [3, 'sh', { kind: 'illustrative', reason: 'needs a cluster' }, 'kubectl get pods\n'],
      [9, 'text', { kind: 'output', id: 'demo' }, 'old\n'],
      [12, 'md', undefined, '```yaml\nnested: fence\n```\n'],
    ]);
  });

  it('only the line directly above the fence marks it', () => {
    expect(fencedBlocks('p.md', '<!-- illustrative: x -->\n\n```sh\nls\n```\n')[0]!.marker).toBeUndefined();
    expect(parseMarker('<!-- note: x -->')).toBeUndefined();
    expect(parseMarker('<!-- run-by: tests/docs/x.spec.ts -->')).toEqual({ kind: 'run-by', spec: 'tests/docs/x.spec.ts' });
  });

  it('refuses a fence that is never closed', () => {
    expect(() => fencedBlocks('p.md', '```sh\nls\n')).toThrow('p.md:1: fence is never closed');
  });

  it('replaceBody puts a new body back at the block\'s indentation and leaves the rest alone', () => {
    const block = fencedBlocks('page.md', page)[1]!;
    const text = replaceBody(page, block, 'new\nlines\n');
    expect(text).toContain('   ```text\n   new\n   lines\n   ```');
    expect(fencedBlocks('page.md', text)[1]!.body).toBe('new\nlines\n');
    expect(text.replace('   new\n   lines\n', '   old\n')).toBe(page);
  });
});

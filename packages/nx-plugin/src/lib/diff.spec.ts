import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './diff.ts';

describe('unifiedDiff', () => {
  it('shows an insertion with two lines of context', () => {
    expect(unifiedDiff('f.ts', 'a\nb\nc\nd\n', 'a\nb\nc\nX\nY\nd\n')).toBe(
      ['--- a/f.ts', '+++ b/f.ts', '@@ -2,3 +2,5 @@', ' b', ' c', '+X', '+Y', ' d'].join('\n'),
    );
  });

  it('shows a removal', () => {
    expect(unifiedDiff('f.ts', 'a\nX\nb\n', 'a\nb\n')).toBe(['--- a/f.ts', '+++ b/f.ts', '@@ -1,3 +1,2 @@', ' a', '-X', ' b'].join('\n'));
  });

  it('shows a new file', () => {
    expect(unifiedDiff('f.ts', undefined, 'a\nb\n')).toBe(['--- /dev/null', '+++ b/f.ts', '@@ -0,0 +1,2 @@', '+a', '+b'].join('\n'));
  });

  it('is empty when nothing changed', () => {
    expect(unifiedDiff('f.ts', 'a\n', 'a\n')).toBe('');
  });
});

// A generator's change shown as a unified diff (one hunk: the catalog generators insert or remove one
// contiguous block per file), so `--dry-run` prints what would be written, not just file names.

const context = 2;

export function unifiedDiff(path: string, before: string | undefined, after: string): string {
  const lines = (text: string) => text.replace(/\n$/, '').split('\n');
  const old = before === undefined ? [] : lines(before);
  const next = lines(after);
  let prefix = 0;
  while (prefix < old.length && prefix < next.length && old[prefix] === next[prefix]) prefix++;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < next.length - prefix && old[old.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  if (prefix === old.length && prefix === next.length) return '';
  const start = Math.max(0, prefix - context);
  const oldEnd = Math.min(old.length, old.length - suffix + context);
  const nextEnd = Math.min(next.length, next.length - suffix + context);
  const hunk = [
    ...old.slice(start, prefix).map((line) => ` ${line}`),
    ...old.slice(prefix, old.length - suffix).map((line) => `-${line}`),
    ...next.slice(prefix, next.length - suffix).map((line) => `+${line}`),
    ...next.slice(next.length - suffix, nextEnd).map((line) => ` ${line}`),
  ];
  const range = (from: number, to: number) => `${to - from === 0 ? from : from + 1},${to - from}`;
  return [
    `--- ${before === undefined ? '/dev/null' : `a/${path}`}`,
    `+++ b/${path}`,
    `@@ -${range(start, oldEnd)} +${range(start, nextEnd)} @@`,
    ...hunk,
  ].join('\n');
}

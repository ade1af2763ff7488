// The bad-values corpus: each file must be refused by Helm itself (schema or template `fail`), under
// both Helm majors, with a message naming the value. Its `# expect:` lines give what the message must
// contain; a dotted value path also matches Helm 4's JSON-pointer form (/a/b/c).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { helmMajors } from '../../tools/helm.ts';
import { parseObjects, tryRender } from '../support/chart.ts';
import { schemaErrors } from '../support/validate.ts';

const corpusDir = join(import.meta.dirname, 'bad-values');
const corpus = readdirSync(corpusDir)
  .filter((file) => file.endsWith('.yaml'))
  .sort();

export function expectations(text: string): string[] {
  return [...text.matchAll(/^# expect: (.+)$/gm)].map((match) => match[1]!.trim());
}

/** The forms in which Helm 3 and Helm 4 may name a value path. */
export function pathForms(expected: string): string[] {
  const forms = [expected];
  const path = /^([A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+)/.exec(expected)?.[1];
  if (path) forms.push(`/${path.replaceAll('.', '/')}${expected.slice(path.length)}`);
  return forms;
}

describe('bad values corpus', () => {
  it('holds at least 150 cases, each with an expectation', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    for (const file of corpus) expect(expectations(readFileSync(join(corpusDir, file), 'utf8')), file).not.toEqual([]);
  });

  describe.each(helmMajors)('%s', (major) => {
    it.each(corpus)('refuses %s', async (file) => {
      const result = await tryRender(major, { files: [join(corpusDir, file)] });
      expect(result.code, `${file} rendered:\n${result.stdout.slice(0, 400)}`).not.toBe(0);
      // Conditional requirements are template checks: Helm 3's schema validator never gets to say this.
      expect(result.stderr).not.toContain('Must validate "then"');
      for (const expected of expectations(readFileSync(join(corpusDir, file), 'utf8'))) {
        const named = pathForms(expected).some((form) => result.stderr.includes(form));
        expect(named, `${file}: expected "${expected}" in:\n${result.stderr}`).toBe(true);
      }
    });
  });
});

// Look-alikes of refused values for which a render is right (the reason is each file's `# safe:` line):
// they must render under both majors into objects that validate.
const safeDir = join(import.meta.dirname, 'safe-values');
const safe = readdirSync(safeDir)
  .filter((file) => file.endsWith('.yaml'))
  .sort();

describe('safe look-alikes', () => {
  it('each says why it is safe', () => {
    for (const file of safe) expect(readFileSync(join(safeDir, file), 'utf8'), file).toMatch(/^# safe: .+$/m);
  });

  describe.each(helmMajors)('%s', (major) => {
    it.each(safe)('renders %s into valid objects', async (file) => {
      const result = await tryRender(major, { files: [join(safeDir, file)] });
      expect(result.code, `${file}: ${result.stderr}`).toBe(0);
      expect(await schemaErrors(parseObjects(result.stdout))).toEqual([]);
    });
  });
});

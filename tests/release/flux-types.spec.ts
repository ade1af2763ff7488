// The typed HelmRelease helper: a misspelt values key is a compile error. The fixture's
// `@ts-expect-error` lines must all meet an error (tsc reports an unused one), and without the
// directives the same file must fail with one error per case.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { credentialValueKeys, modelValueKeys } from '@litellm-stack/catalog';
import { chartDir, repoRoot } from '../../tools/helm.ts';

const fixture = join(repoRoot, 'tests', 'release', 'fixtures', 'helmrelease-values.typecheck.ts');

function diagnostics(source: string): readonly ts.Diagnostic[] {
  const config = ts.readConfigFile(join(repoRoot, 'tsconfig.base.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, shouldCreate) =>
    fileName === fixture ? ts.createSourceFile(fileName, source, language) : getSourceFile(fileName, language, onError, shouldCreate);
  const program = ts.createProgram([fixture], { ...options, noEmit: true }, host);
  return ts.getPreEmitDiagnostics(program);
}

const format = (list: readonly ts.Diagnostic[]) => list.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n');

describe('helmReleaseValues', () => {
  const source = readFileSync(fixture, 'utf8');
  const cases = source.split('\n').filter((line) => /^\s*\/\/ @ts-expect-error/.test(line)).length;

  it('compiles with every @ts-expect-error meeting its error', () => {
    expect(cases).toBeGreaterThanOrEqual(8);
    const found = diagnostics(source);
    expect(format(found)).toBe('');
  });

  it('rejects every misspelt or mistyped key when the directives are removed', () => {
    const found = diagnostics(source.replaceAll('// @ts-expect-error', '// (expected error)'));
    const lines = new Set(found.map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line));
    expect(lines.size, format(found)).toBe(cases);
    expect(format(found)).toMatch(/'replcas' does not exist/);
    expect(format(found)).toMatch(/'enabeld' does not exist/);
    expect(format(found)).toMatch(/'modelname' does not exist/);
  });

  it('types credential and model entries with exactly the keys the chart schema allows', () => {
    const schema = JSON.parse(readFileSync(join(chartDir, 'values.schema.json'), 'utf8'));
    // Entries are the one patternProperties schema of each id map.
    const entry = (map: string) => Object.values<any>(schema.properties[map].patternProperties)[0].properties;
    expect(Object.keys(credentialValueKeys).sort()).toEqual(Object.keys(entry('credentials')).sort());
    expect(Object.keys(modelValueKeys).sort()).toEqual(Object.keys(entry('models')).sort());
  });
});

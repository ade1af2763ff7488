// The changelog feeds Artifact Hub (artifacthub.io/changes): the first release must say what the
// chart ships. Every kind any ci/ scenario renders is named in the 0.1.0 section.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { changesFor } from '../../tools/release/changelog.ts';
import { chartDir } from '../../tools/helm.ts';
import { render, scenarioFiles } from '../support/chart.ts';

describe('CHANGELOG 0.1.0', () => {
  it('names every kind of object the chart renders, in some scenario', async () => {
    const version = parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8')).version;
    const text = changesFor(readFileSync(join(chartDir, 'CHANGELOG.md'), 'utf8'), version).map((change) => change.description).join('\n');
    const kinds = new Set<string>();
    for (const file of scenarioFiles) for (const object of await render('helm4', { files: [file], upgrade: true })) kinds.add(object.kind);
    expect(kinds.size).toBeGreaterThan(15);
    expect([...kinds].filter((kind) => !new RegExp(`\\b${kind}\\b`).test(text)).sort()).toEqual([]);
  });
});

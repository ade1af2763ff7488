// The seed catalog is the seed's: ci/02-seed-full's config.yaml against the seed's own model_list
// (tests/fixtures/seed, copied from its repository), field by field. Every field that differs, or that
// the chart adds, must be one docs/differences-from-the-seed.md lists, and every field it lists must
// still differ: the page is the exact list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { helmMajors, repoRoot } from '../../tools/helm.ts';
import { liteLLMConfig, render } from '../support/chart.ts';
import { compareWithSeed, seedModelList, type Field } from '../support/seed-fidelity.ts';

/** `deployment field` pairs from the page's tables: first cell deployments, second cell fields. */
export function documentedDifferences(markdown: string, section: string): Set<string> {
  const start = markdown.indexOf(`\n## ${section}\n`);
  if (start < 0) throw new Error(`docs/differences-from-the-seed.md has no section "## ${section}"`);
  const body = markdown.slice(start + 1).split(/\n## /)[0]!;
  const pairs = new Set<string>();
  for (const line of body.split('\n')) {
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    if (cells.length < 2 || cells[0] === 'deployments' || /^-+$/.test(cells[0]!)) continue;
    const names = (cell: string) => cell.split(',').map((name) => name.trim().replaceAll('`', ''));
    for (const deployment of names(cells[0]!)) for (const field of names(cells[1]!)) pairs.add(`${deployment} ${field}`);
  }
  return pairs;
}

const page = readFileSync(join(repoRoot, 'docs', 'differences-from-the-seed.md'), 'utf8');
const key = (field: Field) => `${field.deployment} ${field.field}`;

describe.each(helmMajors)('%s', (major) => {
  it.each([
    ['ci/02-seed-full.yaml', '7ff98481', 25, 'The model list'],
    ['ci/20-seed-newest.yaml', 'c999e057', 29, 'The newest model list'],
  ] as const)('%s renders the seed\'s model_list (%s, %i deployments) as the seed wrote it, except the documented differences', async (scenario, commit, count, section) => {
    const seed = seedModelList(commit);
    const config = liteLLMConfig(await render(major, { files: [scenario] }));
    const comparison = compareWithSeed(seed, config.model_list);
    expect(seed).toHaveLength(count);
    expect(config.model_list.map((entry: any) => entry.model_name).sort()).toEqual(seed.map((entry) => entry.model_name).sort());
    const documented = documentedDifferences(page, section);
    const found = [...comparison.differing, ...comparison.added];
    expect(found.filter((field) => !documented.has(key(field)))).toEqual([]);
    expect([...documented].filter((pair) => !found.some((field) => key(field) === pair))).toEqual([]);
    console.log(`[seed fidelity] ${major} ${scenario}: ${comparison.matching.length} of ${comparison.total} seed fields match`);
  });

  it('counts a field that differs, one the render lacks and one it adds (the comparison itself)', () => {
    const seed = [{ model_name: 'm', litellm_params: { model: 'azure/m', rpm: 1, thinking: { type: 'enabled' } }, model_info: { id: '1' } }];
    const rendered = [{ model_name: 'm', litellm_params: { model: 'azure/m', thinking: { type: 'enabled' }, tpm: 2 }, model_info: { id: '2' } }];
    const comparison = compareWithSeed(seed, rendered);
    expect(comparison.total).toBe(5);
    expect(comparison.matching.map(key)).toEqual(['m model_name', 'm litellm_params.model', 'm litellm_params.thinking']);
    expect(comparison.differing.map(key)).toEqual(['m litellm_params.rpm', 'm model_info.id']);
    expect(comparison.added.map(key)).toEqual(['m litellm_params.tpm']);
  });
});

// The model list past modelListSplitBytes (issue 13): split into included model files, each in its own
// ConfigMap, deterministically, and nothing else changed; and the bench's floor renders the same
// config.yaml as the chart. A few hundred synthetic deployments with the smallest limit make the split
// cheap to render; the 10,000-deployment proof is tests/conformance/scale.spec.ts.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { baselineArgs, baselineConfig, writeValuesFloorChart } from '../../bench/baseline.ts';
import { syntheticModelValues } from '../../bench/synthetic.ts';
import { helm, helmMajors } from '../../tools/helm.ts';
import { configFiles, liteLLMConfig, objectsOfKind, parseObjects, render, single, tryRender, type K8sObject } from '../support/chart.ts';

const limit = 65536;
const models = syntheticModelValues(300);
const added = { 'added-model': { modelName: 'added-public-name', model: 'azure/gpt-4.1', credential: 'azure_credential_us_east', info: { mode: 'chat' } } };
const byId = (config: any) => [...config.model_list].sort((a, b) => (a.model_info.id < b.model_info.id ? -1 : 1));
const modelConfigMaps = (objects: K8sObject[]) => objectsOfKind(objects, 'ConfigMap').filter((o) => /-models-\d{3}$/.test(o.metadata.name));
// config.yaml is rendered with a placeholder line for model_list that the models' YAML then replaces
// (templates/_config.tpl): values that read like that line must stay values.
const placeholder = 'model_list: LITELLM_STACK_MODEL_LIST';
const lookalike = { note: placeholder, block: `first\n${placeholder}\n${placeholder}`, list: [placeholder] };
const valuesFloorScratch = mkdtempSync(join(tmpdir(), 'litellm-stack-values-floor-'));
const valuesFloorChart = writeValuesFloorChart(join(valuesFloorScratch, 'litellm-stack'));
afterAll(() => rmSync(valuesFloorScratch, { recursive: true, force: true }));
const checksum = (objects: K8sObject[]) => single(objects, 'Deployment').spec.template.metadata.annotations['checksum/config'];

describe.each(helmMajors)('%s', (major) => {
  let whole: K8sObject[];
  let split: K8sObject[];
  let grown: K8sObject[];
  let mimic: K8sObject[];
  beforeAll(async () => {
    const files = ['ci/02-seed-full.yaml'];
    const mimicking = { 'added-model': { ...added['added-model'], params: { metadata: lookalike } } };
    [whole, split, grown, mimic] = await Promise.all([
      render(major, { files, values: { models } }),
      render(major, { files, values: { models, modelListSplitBytes: limit } }),
      render(major, { files, values: { models: { ...models, ...added }, modelListSplitBytes: limit } }),
      render(major, { files, values: { models: mimicking, litellm: { configSections: { callback_settings: lookalike } } } }),
    ]);
  });

  it('a value that reads like the model_list placeholder stays a value, in a model and in another section', () => {
    const config = liteLLMConfig(mimic);
    expect(config.model_list.find((m: any) => m.model_name === 'added-public-name').litellm_params.metadata).toEqual(lookalike);
    expect(config.callback_settings).toEqual(lookalike);
    expect(config.model_list.length).toBeGreaterThan(1);
  });

  it('below the limit renders one config.yaml with the whole model list, as before', () => {
    expect(Object.keys(configFiles(whole))).toEqual(['config.yaml']);
    expect(modelConfigMaps(whole)).toEqual([]);
    expect(liteLLMConfig(whole).model_list).toHaveLength(325);
  });

  it('past it, config.yaml includes a power of two of model files, each in its own ConfigMap under the limit', () => {
    const main = parse(configFiles(split)['config.yaml']!);
    expect(main.model_list).toBeUndefined();
    const count = main.include.length;
    expect(count).toBeGreaterThan(1);
    expect(Math.log2(count) % 1).toBe(0);
    expect(main.include).toEqual(Array.from({ length: count }, (_, i) => `models/models-${String(i).padStart(3, '0')}.yaml`));
    const maps = modelConfigMaps(split);
    expect(maps.map((o) => Object.keys(o.data))).toEqual(main.include.map((path: string) => [path.slice('models/'.length)]));
    for (const map of maps) expect(Object.values<string>(map.data)[0]!.length).toBeLessThan(limit);
    for (const object of split) expect(JSON.stringify(object).length, `${object.kind}/${object.metadata.name}`).toBeLessThan(1_000_000);
  });

  it('the proxy gets the same config once the includes are resolved (LiteLLM extends the lists)', () => {
    const [a, b] = [liteLLMConfig(whole), liteLLMConfig(split)];
    expect(byId(b)).toEqual(byId(a));
    expect({ ...b, model_list: [] }).toEqual({ ...a, model_list: [] });
  });

  it('the Deployment projects exactly those ConfigMaps into /app/models, and their change rolls the pods', () => {
    const pod = single(split, 'Deployment').spec.template.spec;
    const volume = pod.volumes.find((v: { name: string }) => v.name === 'config-models');
    expect(volume.projected.sources.map((s: any) => s.configMap.name)).toEqual(modelConfigMaps(split).map((o) => o.metadata.name));
    expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'config-models', mountPath: '/app/models', readOnly: true });
    expect(single(whole, 'Deployment').spec.template.spec.volumes.map((v: { name: string }) => v.name)).not.toContain('config-models');
    expect(new Set([checksum(whole), checksum(split), checksum(grown)]).size).toBe(3);
  });

  it('one added model rewrites one model file and nothing else of the config', () => {
    const [before, after] = [configFiles(split), configFiles(grown)];
    expect(Object.keys(after)).toEqual(Object.keys(before));
    const changed = Object.keys(before).filter((path) => before[path] !== after[path]);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/^models\/models-\d{3}\.yaml$/);
    expect(parse(after[changed[0]!]!).model_list.map((m: any) => m.model_name)).toContain('added-public-name');
  });

  it("the bench's baseline chart renders the same config.yaml (checksum included), split or not", async () => {
    for (const objects of [whole, split]) {
      const floor = parseObjects(await helm(major, baselineArgs(baselineConfig(objects), `${process.env.TMPDIR ?? '/tmp'}/baseline-${major}-${process.pid}.yaml`)));
      const config: string = single(floor, 'ConfigMap').data['config.yaml'];
      expect(parse(config)).toEqual(liteLLMConfig(objects));
      if (objects === whole) {
        expect(config).toBe(configFiles(whole)['config.yaml']);
        // Both checksum that text (the chart before the block scalar adds the final newline).
        expect(checksum(whole)).toBe(createHash('sha256').update(config.replace(/\n$/, '')).digest('hex'));
        expect(single(floor, 'Deployment').spec.template.metadata.annotations['checksum/config']).toBe(createHash('sha256').update(config).digest('hex'));
      }
    }
  });

  it("the bench's values floor takes the chart's values and refuses what its schema refuses, with the chart's message", async () => {
    const files = ['ci/02-seed-full.yaml'];
    expect(await render(major, { chart: valuesFloorChart, files, values: { models } })).toEqual([]);
    const bad = [
      { models: { 'added-model': { ...added['added-model'], rpm: -1 } } },
      { models: { 'added-model': { ...added['added-model'], modelNmae: 'typo' } } },
      { notAValue: true },
    ];
    for (const values of bad) {
      const [chart, floor] = await Promise.all([tryRender(major, { files, values }), tryRender(major, { chart: valuesFloorChart, files, values })]);
      expect(chart.code, JSON.stringify(values)).not.toBe(0);
      expect(floor.code, JSON.stringify(values)).toBe(chart.code);
      expect(floor.stderr).toBe(chart.stderr);
    }
  });
});

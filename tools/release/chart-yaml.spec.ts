import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultImage, imagesAnnotation, readChartMeta, releaseChartYaml } from './chart-yaml.ts';

const committed = `apiVersion: v2
# The chart's name.
name: demo
version: 0.1.0
appVersion: v1
annotations:
  artifacthub.io/license: Apache-2.0
`;

describe('releaseChartYaml', () => {
  it('sets version, appVersion and annotations, keeping comments and other keys', () => {
    const text = releaseChartYaml(committed, {
      version: '1.2.3',
      appVersion: 'v2',
      annotations: { 'artifacthub.io/changes': '- kind: added\n  description: x\n', 'artifacthub.io/images': imagesAnnotation([{ name: 'app', image: 'r/app:v2' }]) },
    });
    expect(text).toContain("# The chart's name.");
    const data = parse(text);
    expect(data).toMatchObject({ apiVersion: 'v2', name: 'demo', version: '1.2.3', appVersion: 'v2' });
    expect(data.annotations['artifacthub.io/license']).toBe('Apache-2.0');
    expect(parse(data.annotations['artifacthub.io/changes'])).toEqual([{ kind: 'added', description: 'x' }]);
    expect(parse(data.annotations['artifacthub.io/images'])).toEqual([{ name: 'app', image: 'r/app:v2' }]);
  });

  it('adds annotations to a chart that has none', () => {
    const data = parse(releaseChartYaml('apiVersion: v2\nname: demo\nversion: 0.1.0\n', { version: '0.1.0', appVersion: 'a', annotations: { k: 'v' } }));
    expect(data.annotations).toEqual({ k: 'v' });
  });
});

describe('readChartMeta and defaultImage', () => {
  it('reads what the release needs', () => {
    expect(readChartMeta(committed)).toEqual({ name: 'demo', version: '0.1.0', appVersion: 'v1', annotations: { 'artifacthub.io/license': 'Apache-2.0' } });
    expect(() => readChartMeta('apiVersion: v2\n')).toThrow('no name or version');
    expect(defaultImage('image:\n  repository: r/app\n  tag: v1\n')).toEqual({ repository: 'r/app', tag: 'v1', digest: '' });
    expect(() => defaultImage('image: {}\n')).toThrow('no image.repository and image.tag');
  });
});

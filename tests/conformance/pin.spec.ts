// The LiteLLM the suite runs: exactly the chart's appVersion, never a compromised release.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chartDir, repoRoot } from '../../tools/helm.ts';
import { venvBin, venvDir } from '../../tools/python-env.ts';
import { assertNotCompromised, compromisedLiteLLM, liteLLMPin, readLiteLLMPin } from '../../tools/conformance/litellm-pin.ts';

const installed = (distribution: string) =>
  execFileSync(venvBin('python'), ['-c', `import importlib.metadata as m; print(m.version(${JSON.stringify(distribution)}))`], { encoding: 'utf8' }).trim();

describe('the LiteLLM pin', () => {
  it('refuses PYSEC-2026-2 releases loudly', () => {
    expect(compromisedLiteLLM.map((entry) => entry.version)).toEqual(['1.82.7', '1.82.8']);
    for (const version of ['1.82.7', '1.82.8']) {
      expect(() => assertNotCompromised(version)).toThrow(new RegExp(`REFUSING TO INSTALL litellm ${version.replace(/\./g, '\\.')}.*PYSEC-2026-2`));
    }
    expect(() => assertNotCompromised('1.80.8')).not.toThrow();
  });

  it('reads only an exact pin', () => {
    expect(liteLLMPin('kubernetes-validate==1.37.0\nlitellm[proxy]==1.82.8  # comment\n')).toBe('1.82.8');
    expect(liteLLMPin('litellm==1.80.8')).toBe('1.80.8');
    expect(() => liteLLMPin('litellm[proxy]>=1.80')).toThrow(/one exact version/);
    expect(() => liteLLMPin('litellm[proxy]==1.80.8\nlitellm==1.80.9')).toThrow(/exactly once/);
    expect(() => liteLLMPin('prometheus_client==0.26.0')).toThrow(/exactly once/);
  });

  it('is the chart\'s appVersion and not compromised', () => {
    const pin = readLiteLLMPin();
    expect(pin).toBe('1.80.8');
    expect(() => assertNotCompromised(pin)).not.toThrow();
    const chart = parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8'));
    expect(String(chart.appVersion)).toMatch(new RegExp(`(^|v)${pin.replace(/\./g, '\\.')}(-|$)`));
  });

  it('is what the venv holds, with every other pin of requirements.txt, and no litellm .pth start-up hook', () => {
    expect(installed('litellm')).toBe(readLiteLLMPin());
    const requirements = readFileSync(join(repoRoot, 'requirements.txt'), 'utf8');
    const pins = [...requirements.matchAll(/^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?==(\S+)/gm)].map(([, name, version]) => [name, version]);
    expect(pins.map(([name]) => name)).toEqual(expect.arrayContaining(['prometheus_client', 'openai', 'anthropic', 'cohere', 'azure-ai-inference']));
    for (const [name, version] of pins) expect(installed(name!), name).toBe(version);
    const sitePackages = join(venvDir, 'lib', readdirSync(join(venvDir, 'lib')).find((name) => name.startsWith('python'))!, 'site-packages');
    expect(readdirSync(sitePackages).filter((name) => name.endsWith('.pth') && name.toLowerCase().includes('litellm'))).toEqual([]);
  });
});

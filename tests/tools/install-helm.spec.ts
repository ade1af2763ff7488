import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { helmPins, kubectlPin, pinnedKubectlPath, runHelm } from '../../tools/helm.ts';
import { installHelm } from '../../tools/install-helm.ts';

describe('install-helm', () => {
  it('installs the pinned binaries, which report the pinned versions', async () => {
    for (const major of ['helm3', 'helm4'] as const) {
      const { stdout } = await runHelm(major, ['version', '--template', '{{ .Version }}']);
      expect(stdout.trim()).toBe(helmPins[major].version);
    }
  });

  it('installs the pinned kubectl (the cluster tests\' client), which reports the pinned version', () => {
    const out = execFileSync(pinnedKubectlPath(), ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
    expect(JSON.parse(out).clientVersion.gitVersion).toBe(kubectlPin.version);
  });

  it('refuses a binary whose sha256 is not the pinned one and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'install-helm-'));
    const target = join(dir, 'helm');
    const pin = { ...helmPins.helm4, sha256: '0'.repeat(64) };
    await expect(installHelm('helm4', pin, target)).rejects.toThrow(`expected ${'0'.repeat(64)} (tools/helm-binaries.json). Refusing to install it.`);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says which entry is missing from the archive', async () => {
    const pin = { ...helmPins.helm3, entry: 'helm/not-helm' };
    await expect(installHelm('helm3', pin, join(mkdtempSync(join(tmpdir(), 'install-helm-')), 'helm'))).rejects.toThrow('helm/not-helm not found');
  });
});

describe('runHelm', () => {
  it('runs Helm with GOGC=400 (the collector paced for short runs) unless the caller sets GOGC', async () => {
    const script = join(mkdtempSync(join(tmpdir(), 'run-helm-')), 'helm');
    writeFileSync(script, '#!/bin/sh\nprintf %s "$GOGC"\n', { mode: 0o755 });
    const saved = { HELM3_BIN: process.env.HELM3_BIN, GOGC: process.env.GOGC };
    try {
      process.env.HELM3_BIN = script;
      delete process.env.GOGC;
      expect((await runHelm('helm3', [])).stdout).toBe('400');
      process.env.GOGC = '150';
      expect((await runHelm('helm3', [])).stdout).toBe('150');
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

// The SOPS step of examples/flux, as its comment tells a user to run it: from the repository root,
// with the rules in examples/flux/.sops.yaml, for an age key this test makes.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyRepo, type RepoCopy } from '../release/support/repo.ts';
import { ensureSops } from '../support/sops.ts';

const secretPath = 'examples/flux/secret.sops.yaml';
let copy: RepoCopy;
let sops: string;
let keyFile: string;
let recipient: string;

beforeAll(() => {
  sops = ensureSops();
  copy = copyRepo();
  keyFile = join(copy.home, 'age.key');
  execFileSync('age-keygen', ['-o', keyFile], { stdio: 'ignore' });
  recipient = /^# public key: (age1\w+)$/m.exec(readFileSync(keyFile, 'utf8'))![1]!;
  // What the user does first: their recipient into the rules.
  const rules = copy.read('examples/flux/.sops.yaml');
  copy.write('examples/flux/.sops.yaml', rules.replace(/age: age1\w+/, `age: ${recipient}`));
}, 900_000);

afterAll(() => copy?.cleanup());

describe('examples/flux SOPS step', () => {
  it('the documented command encrypts the Secret\'s values in place from the repository root, and Flux\'s key decrypts them', () => {
    const plain = parse(copy.read(secretPath));
    const command = /^#\s+(sops .+)$/m.exec(copy.read(secretPath))![1]!.trim().split(/\s+/);
    expect(command[0]).toBe('sops');
    const env = { ...process.env, HOME: copy.home, SOPS_AGE_KEY_FILE: keyFile };
    execFileSync(sops, command.slice(1), { cwd: copy.dir, env, stdio: 'pipe' });

    const encrypted = parse(copy.read(secretPath));
    // Only the values are encrypted: Kubernetes (and kustomize) still see a Secret with its name.
    expect(encrypted).toMatchObject({ apiVersion: 'v1', kind: 'Secret', metadata: plain.metadata });
    expect(encrypted.sops.age).toEqual([expect.objectContaining({ recipient })]);
    for (const [key, value] of Object.entries(encrypted.stringData)) {
      expect(value, key).toMatch(/^ENC\[AES256_GCM,/);
      expect(String(value)).not.toContain(plain.stringData[key]);
    }
    const decrypted = parse(execFileSync(sops, ['--decrypt', secretPath], { cwd: copy.dir, env, encoding: 'utf8' }));
    expect(decrypted.stringData).toEqual(plain.stringData);
  });

  it('without the key nothing decrypts', () => {
    writeFileSync(join(copy.home, 'other.key'), execFileSync('age-keygen', { encoding: 'utf8' }));
    expect(() => execFileSync(sops, ['--decrypt', secretPath], { cwd: copy.dir, env: { ...process.env, HOME: copy.home, SOPS_AGE_KEY_FILE: join(copy.home, 'other.key') }, stdio: 'pipe' })).toThrow();
  });
});

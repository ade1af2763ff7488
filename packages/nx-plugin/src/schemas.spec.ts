// The generators' option schemas are JSON that Nx reads; they must offer exactly the catalog's
// vocabulary, and generators.json must point at files that exist.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modes, providers, supportFlags } from '@litellm-stack/catalog';
import { describe, expect, it } from 'vitest';

const pluginRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const readJson = (path: string) => JSON.parse(readFileSync(join(pluginRoot, path), 'utf8'));
const generators: Record<string, { factory: string; schema: string }> = readJson('generators.json').generators;

describe('generator schemas', () => {
  it('generators.json is what package.json points at, and lists the three generators', () => {
    expect(readJson('package.json').generators).toBe('./generators.json');
    expect(Object.keys(generators).sort()).toEqual(['credential', 'model', 'remove-model']);
  });

  it.each(Object.entries(generators))('%s: its factory and schema exist, and the schema refuses unknown options', (_, { factory, schema }) => {
    expect(existsSync(join(pluginRoot, `${factory}.ts`))).toBe(true);
    expect(readJson(schema).additionalProperties).toBe(false);
  });

  it('model: --mode offers the catalog\'s modes, and there is one flag per support flag', () => {
    const { properties } = readJson(generators.model!.schema);
    expect(properties.mode.enum).toEqual([...modes]);
    const flags = Object.keys(properties).filter((name) => name.startsWith('supports'));
    expect(flags).toEqual([...supportFlags]);
    for (const flag of flags) expect(properties[flag].type).toBe('boolean');
  });

  it('credential: --provider offers the catalog\'s providers', () => {
    const { properties } = readJson(generators.credential!.schema);
    expect(properties.provider.enum).toEqual([...providers]);
    expect(properties.provider['x-prompt'].items).toEqual([...providers]);
  });

  it('required options are prompted for', () => {
    for (const { schema } of Object.values(generators)) {
      const { properties, required } = readJson(schema);
      for (const name of required) expect(properties[name]['x-prompt'], `${schema}: ${name}`).toBeDefined();
    }
  });
});

// End to end, as a user runs it: the real `npx nx g @litellm-stack/nx-plugin:…` in a copy of this
// workspace, then `npm run generate` / `verify:generated`, then `helm template` with Helm 3 and Helm 4.
import { generatedPaths } from '@litellm-stack/catalog';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { helmMajors } from '../../../tools/helm.ts';
import { liteLLMConfig, render } from '../../../tests/support/chart.ts';
import { join } from 'node:path';
import { credentialsPath, modelsIndexPath, modelsPath } from '../src/lib/catalog-source.ts';
import { WorkspaceCopy, type RunResult } from './support/workspace-copy.ts';

const us2 = 'azure_credential_us_east2';
const workspace = new WorkspaceCopy();
beforeAll(() => workspace.create());
beforeEach(() => workspace.reset());
afterAll(() => workspace.remove());

function expectSuccess(result: RunResult): void {
  expect(result.code, `exit ${result.code}\n${result.stdout}\n${result.stderr}`).toBe(0);
}

/** The model_list entries LiteLLM gets, by model id, with the given credentials enabled. */
/** Rendered deployments by public name (seed entries carry the seed's model_info.id, "6", …). */
async function renderedModels(major: (typeof helmMajors)[number], credentials: Record<string, object>): Promise<Map<string, any>> {
  const objects = await render(major, { chart: join(workspace.root, 'charts', 'litellm-stack'), values: { credentials, secrets: { existingSecret: 'litellm-secrets' } } });
  return new Map(liteLLMConfig(objects).model_list.map((entry: any) => [entry.model_name, entry]));
}

/** Generated files match the edited catalog source, and regenerating changes nothing. */
async function expectGeneratedInSync(): Promise<void> {
  const before = await workspace.changedPaths();
  expectSuccess(await workspace.npmRun('verify:generated'));
  expectSuccess(await workspace.npmRun('generate'));
  expect(await workspace.changedPaths()).toEqual(before);
}

describe('nx g @litellm-stack/nx-plugin:model', () => {
  it('adds the model to its credential\'s file; generate agrees; Helm 3 and 4 render it once the credential is enabled', async () => {
    const enabled = { [us2]: { enabled: true, resourceName: 'contoso-eastus2' } };
    for (const major of helmMajors) expect((await renderedModels(major, enabled)).has('gpt-5.3')).toBe(false);

    const result = await workspace.nxGenerate('model', ['--model', 'azure/gpt-5.3', '--credential', us2, '--rpm', '250', '--access-groups', 'team-a,team-b']);
    expectSuccess(result);
    expect(result.stdout).toContain('gpt-5-3: mode "chat": a chat model');
    expect(result.stdout).toContain("+    id: 'gpt-5-3',");
    expect(await workspace.changedPaths()).toEqual([generatedPaths.values, modelsPath(us2)].sort());
    await expectGeneratedInSync();

    for (const major of helmMajors) {
      expect((await renderedModels(major, enabled)).get('gpt-5.3'), major).toEqual({
        model_name: 'gpt-5.3',
        litellm_params: { model: 'azure/gpt-5.3', litellm_credential_name: us2, rpm: 250 },
        model_info: { id: 'gpt-5-3', mode: 'chat', access_groups: ['team-a', 'team-b'] },
      });
      // A model appears only when its credential is enabled.
      expect((await renderedModels(major, {})).has('gpt-5.3'), major).toBe(false);
    }
  });

  it('--dry-run prints the change and writes nothing', async () => {
    const result = await workspace.nxGenerate('model', ['gpt-5-3', '--model', 'azure/gpt-5.3', '--credential', us2, '--dry-run']);
    expectSuccess(result);
    expect(result.stdout).toContain(`--- a/${modelsPath(us2)}`);
    expect(result.stdout).toContain(`UPDATE ${modelsPath(us2)}`);
    expect(await workspace.changedPaths()).toEqual([]);
  });

  it.each([
    ['a realtime model with the health check on', ['--model', 'azure/gpt-realtime-2', '--credential', us2, '--no-disable-background-health-check'], 'models.gpt-realtime-2.info.disableBackgroundHealthCheck (--disable-background-health-check): must be true for mode "realtime"'],
    // Nx passes 1.5 on (the option is a number); the catalog's validation refuses it.
    ['rpm 1.5', ['--model', 'azure/gpt-5.3', '--credential', us2, '--rpm', '1.5'], 'models.gpt-5-3.rpm (--rpm): must be integer'],
    // Nx itself refuses what is not a number, from the option schema.
    ['rpm abc', ['--model', 'azure/gpt-5.3', '--credential', us2, '--rpm', 'abc'], "Property 'rpm' does not match the schema. 'abc' should be a 'integer'."],
  ])('%s: exits non-zero with the message, and changes no file', async (_, args, message) => {
    const result = await workspace.nxGenerate('model', args);
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toContain(message);
    expect(await workspace.changedPaths()).toEqual([]);
  });
});

describe('nx g @litellm-stack/nx-plugin:credential, then :model on it', () => {
  it('adds the credential and its models file; its model renders with the credential in credential_list', async () => {
    const sweden = 'azure_credential_sweden';
    expectSuccess(await workspace.nxGenerate('credential', [sweden, '--provider', 'azure', '--resource-name', 'contoso-sweden', '--api-version', '2025-04-01-preview']));
    expectSuccess(await workspace.nxGenerate('model', ['--model', 'azure/gpt-5.3', '--credential', sweden]));
    expect(await workspace.changedPaths()).toEqual([generatedPaths.values, credentialsPath, modelsPath(sweden), modelsIndexPath].sort());
    await expectGeneratedInSync();

    for (const major of helmMajors) {
      const objects = await render(major, {
        chart: join(workspace.root, 'charts', 'litellm-stack'),
        values: { credentials: { [sweden]: { enabled: true } }, secrets: { existingSecret: 'litellm-secrets' } },
      });
      const config = liteLLMConfig(objects);
      expect(config.model_list.map((entry: any) => entry.model_info.id), major).toEqual(['gpt-5-3']);
      expect(config.credential_list, major).toEqual([
        {
          credential_name: sweden,
          credential_values: { api_base: 'https://contoso-sweden.openai.azure.com', api_key: 'os.environ/AZURE_CREDENTIAL_SWEDEN_API_KEY', api_version: '2025-04-01-preview' },
          credential_info: expect.any(Object),
        },
      ]);
    }
  });

  it('a credential that breaks a rule exits non-zero and changes no file', async () => {
    const result = await workspace.nxGenerate('credential', ['azure_credential_sweden', '--provider', 'azure', '--resource-name', 'contoso-sweden']);
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('credentials.azure_credential_sweden.apiVersion (--api-version): is required');
    expect(await workspace.changedPaths()).toEqual([]);
  });
});

describe('nx g @litellm-stack/nx-plugin:remove-model', () => {
  it('removes the model from the source, the values and the rendered config', async () => {
    expectSuccess(await workspace.nxGenerate('remove-model', ['gpt-5-2']));
    expect(await workspace.changedPaths()).toEqual([generatedPaths.values, modelsPath(us2)].sort());
    await expectGeneratedInSync();
    for (const major of helmMajors) {
      const models = await renderedModels(major, { [us2]: { enabled: true, resourceName: 'contoso-eastus2' } });
      expect(models.has('gpt-5.2'), major).toBe(false);
      expect(models.has('gpt-5.1'), major).toBe(true);
    }
  });
});

// npm start: the main job. Generates values/schema/types from the catalog, lints the chart under both
// Helm majors, renders the 02-seed-full scenario, prints the models per credential, and packages the
// chart into dist/.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { liteLLMConfig, render } from './chart.ts';
import { chartDir, helm, repoRoot } from './helm.ts';

const step = (title: string) => console.log(`\n▶ ${title}`);
const tsx = (script: string) => execFileSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), [join(repoRoot, 'tools', script)], { stdio: 'inherit' });

/** model_list grouped by the credential each deployment uses (inline credentials by their key). */
export function modelsPerCredential(config: { model_list: any[] }): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const model of config.model_list) {
    const params = model.litellm_params;
    const credential = params.litellm_credential_name ?? `${String(params.api_key).replace('os.environ/', '')} (inline)`;
    groups.set(credential, [...(groups.get(credential) ?? []), model.model_name]);
  }
  return groups;
}

try {
  step('generate values.yaml, values.schema.json and types from the catalog');
  tsx('generate.ts');
  step('helm lint --strict (Helm 3 and Helm 4, default values and every ci/ scenario)');
  tsx('lint-chart.ts');
  step('render ci/02-seed-full.yaml');
  const objects = await render('helm4', { files: ['ci/02-seed-full.yaml'], release: 'litellm', namespace: 'ai' });
  console.log(`${objects.length} objects: ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
  const config = liteLLMConfig(objects);
  for (const [credential, models] of modelsPerCredential(config)) console.log(`  ${credential}: ${models.length} — ${models.join(', ')}`);
  console.log(`  total: ${config.model_list.length} deployments, ${new Set(config.model_list.map((m: any) => m.model_name)).size} public model names`);
  step('package the chart into dist/');
  mkdirSync(join(repoRoot, 'dist'), { recursive: true });
  process.stdout.write(await helm('helm4', ['package', chartDir, '--destination', join(repoRoot, 'dist')]));
} catch (error) {
  console.error(`\nstart: ${(error as Error).message}`);
  process.exit(1);
}

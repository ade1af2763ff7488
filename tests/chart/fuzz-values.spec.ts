// Schema-driven fuzzing (cases from tests/support/fuzz.ts). Property: Helm refuses, naming a values
// path, or the render's objects validate (kubernetes-validate strict, the CRD schemas), no planted
// secret leaks out of a Secret, and config.yaml reads the same under PyYAML (LiteLLM's loader) as under
// YAML 1.2. tests/cluster/dry-run.spec.ts sends the same cases' renders to the API server.
// Seeded and bounded: FUZZ_SEED and FUZZ_RUNS reproduce or widen a run; the seed is printed.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { venvBin } from '../../tools/python-env.ts';
import { liteLLMConfig, parseObjects, tryRender, type K8sObject } from '../support/chart.ts';
import { fuzzCase, fuzzMarker as marker, fuzzRuns as numRuns, fuzzSeed as seed, fuzzValues, namesAValue, type FuzzCase as Case } from '../support/fuzz.ts';
import { schemaErrors } from '../support/validate.ts';

/** Where a secret marker shows up outside a Secret's data, as `Kind/name`. */
function leaks(objects: K8sObject[]): string[] {
  return objects.filter((o) => o.kind !== 'Secret' && JSON.stringify(o).includes(marker)).map((o) => `${o.kind}/${o.metadata.name}`);
}

// About 130 s at load 21 on two cores (measured), over the default 120 s.
it(`fuzzes values from the schema (seed ${seed}, ${numRuns} runs)`, { timeout: 600_000 }, async () => {
  console.log(`fuzz-values: seed ${seed}, ${numRuns} runs (FUZZ_SEED / FUZZ_RUNS to change)`);
  const rendered: { run: Case; objects: K8sObject[]; config: string }[] = [];
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(fuzzCase, async (run: Case) => {
      const values = fuzzValues(run);
      const result = await tryRender(run.major, { values, upgrade: true });
      if (result.code !== 0) {
        refused++;
        expect(result.stderr, JSON.stringify(run.edits)).toMatch(namesAValue);
        expect(result.stderr, 'a YAML parse error means a value broke out of its place').not.toMatch(/YAML parse error|error converting YAML/);
        return;
      }
      const objects = parseObjects(result.stdout);
      expect(leaks(objects), JSON.stringify(run.edits)).toEqual([]);
      rendered.push({ run, objects, config: objects.find((o) => o.kind === 'ConfigMap' && o.data?.['config.yaml'])!.data['config.yaml'] });
    }),
    { seed, numRuns, endOnFailure: true },
  );
  console.log(`fuzz-values: ${rendered.length} rendered, ${refused} refused`);
  expect(rendered.length).toBeGreaterThan(numRuns / 10);

  // (a) One validator call for all renders; on an error, find the runs it came from.
  const all = rendered.flatMap((r) => r.objects);
  if ((await schemaErrors(all)).length > 0) {
    for (const r of rendered) expect(await schemaErrors(r.objects), JSON.stringify(r.run)).toEqual([]);
  }
  // (c) PyYAML reads every config.yaml as YAML 1.2 (and LiteLLM's own types) do.
  const loaded = JSON.parse(
    execFileSync(venvBin('python'), ['-c', 'import json,sys,yaml; print(json.dumps([yaml.safe_load(t) for t in json.load(sys.stdin)], default=str))'], {
      input: JSON.stringify(rendered.map((r) => r.config)),
      maxBuffer: 256 * 1024 * 1024,
    }).toString(),
  );
  rendered.forEach((r, index) => expect(loaded[index], JSON.stringify(r.run)).toEqual(JSON.parse(JSON.stringify(liteLLMConfig(r.objects)))));
});

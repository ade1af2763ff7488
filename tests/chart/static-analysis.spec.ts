// kube-score and checkov, the linters operators run on charts, on every ci/ scenario rendered as an
// upgrade (so the migration Job is in it), with all of kube-score's optional tests. Any finding not
// in static-analysis-allow.yaml fails, and so does an entry that matches nothing. One render per
// scenario under Helm 4 (scenarios.spec.ts checks both majors render the same objects); kube-score
// runs per scenario, checkov once over all of them (its start-up alone takes tens of seconds). Its
// graph checks then connect objects across the files (a NetworkPolicy of one scenario selects the
// pods of all, the release name being the same), so kube-score's pod-networkpolicy, run per
// scenario, is the check that counts for policies.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { tryRender, scenarioFiles, parseObjects, type K8sObject } from '../support/chart.ts';
import { ensureKubeScore } from '../support/pod-linters.ts';
import { ensureCheckov } from '../../tools/checkov.ts';

const run = promisify(execFile);

interface Finding {
  tool: 'kube-score' | 'checkov';
  scenario: string;
  check: string;
  object: string;
  detail: string;
}

interface Allowed {
  tool: Finding['tool'];
  check: string;
  object?: string;
  scenarios?: string;
  onlyWithout?: string;
  reason: string;
}

const allowList: Allowed[] = parse(readFileSync(join(import.meta.dirname, 'static-analysis-allow.yaml'), 'utf8'));
const optionalTests = [
  'container-seccomp-profile', 'container-cpu-requests-equal-limits', 'container-memory-requests-equal-limits',
  'container-ephemeral-storage-request-equals-limit', 'container-resource-requests-equal-limits', 'container-ports-check',
];

const dir = mkdtempSync(join(tmpdir(), 'static-analysis-'));
const rendered = new Map<string, K8sObject[]>();
let findings: Finding[] = [];

async function kubeScore(bin: string, scenario: string): Promise<Finding[]> {
  const args = ['score', join(dir, `${scenario}.yaml`), '--output-format', 'json', ...optionalTests.flatMap((test) => ['--enable-optional-test', test])];
  // kube-score exits 1 when it has findings; its JSON is on stdout either way.
  const stdout = await run(bin, args, { maxBuffer: 64 << 20 }).then((result) => result.stdout, (error) => error.stdout as string);
  return (JSON.parse(stdout) as any[]).flatMap((object) => object.checks
    .filter((check: any) => !check.skipped && check.grade < 10)
    .map((check: any): Finding => ({
      tool: 'kube-score', scenario, check: check.check.id, object: `${object.type_meta.kind}/${object.object_meta.name}`,
      detail: check.comments.map((comment: any) => `${comment.path ? `(${comment.path}) ` : ''}${comment.summary}`).join('; '),
    })));
}

async function checkov(bin: string): Promise<Finding[]> {
  const stdout = await run(bin, ['-d', dir, '--framework', 'kubernetes', '-o', 'json', '--quiet', '--compact'], { maxBuffer: 64 << 20 })
    .then((result) => result.stdout, (error) => error.stdout as string);
  const reports = [JSON.parse(stdout)].flat();
  return reports.flatMap((report) => report.results.failed_checks.map((failed: any): Finding => {
    const [kind, , name] = String(failed.resource).split('.');
    return { tool: 'checkov', scenario: basename(failed.file_path, '.yaml'), check: failed.check_id, object: `${kind}/${name}`, detail: failed.check_name };
  }));
}

function allowedBy(finding: Finding): Allowed | undefined {
  return allowList.find((entry) => entry.tool === finding.tool && new RegExp(`^(${entry.check})$`).test(finding.check)
    && (!entry.object || new RegExp(entry.object).test(finding.object))
    && (!entry.scenarios || new RegExp(entry.scenarios).test(finding.scenario))
    && (!entry.onlyWithout || !rendered.get(finding.scenario)!.some((object) => object.kind === entry.onlyWithout)));
}

beforeAll(async () => {
  const [kubeScoreBin, checkovBin] = [ensureKubeScore(), ensureCheckov()];
  await Promise.all(scenarioFiles.map(async (file) => {
    const result = await tryRender('helm4', { files: [file], upgrade: true });
    if (result.code !== 0) throw new Error(`${file}: ${result.stderr}`);
    const scenario = basename(file, '.yaml');
    // Not yet covered: the `helm test` pods (their resources and policies are step 7's, landed after this list).
    const objects = parseObjects(result.stdout).filter((object) => object.metadata.annotations?.['helm.sh/hook'] !== 'test');
    writeFileSync(join(dir, `${scenario}.yaml`), objects.map((object) => stringify(object)).join('---\n'));
    rendered.set(scenario, objects);
  }));
  const scored = await Promise.all([...rendered.keys()].map((scenario) => kubeScore(kubeScoreBin, scenario)));
  findings = [...scored.flat(), ...(await checkov(checkovBin))];
}, 900_000);

describe('kube-score and checkov on every scenario', () => {
  it('ran on every scenario, with the proxy pod and the migration Job in each', () => {
    expect([...rendered.keys()]).toHaveLength(scenarioFiles.length);
    for (const [scenario, objects] of rendered) expect(objects.map((object) => object.kind), scenario).toEqual(expect.arrayContaining(['Deployment', 'Job']));
  });

  it('finds nothing outside the allow-list', () => {
    const unexplained = findings.filter((finding) => !allowedBy(finding)).map((f) => `${f.scenario}: ${f.tool} ${f.check} ${f.object}: ${f.detail}`);
    expect(unexplained).toEqual([]);
  });

  it('has no allow-list entry that nothing matches', () => {
    const used = new Set(findings.map(allowedBy));
    expect(allowList.filter((entry) => !used.has(entry)).map((entry) => `${entry.tool} ${entry.check}`)).toEqual([]);
  });

  it('finds no hardening gap: nothing about users, root filesystems, capabilities, privileges, seccomp or resources', () => {
    // checkov: privileges, root filesystem, root, NET_RAW, security contexts, seccomp, capabilities, high UID, CPU/memory.
    const hardening = /^(container-security-context-.*|container-seccomp-profile|container-resources|container-(cpu|memory|resource)-requests-equal-limits|CKV_K8S_(10|11|12|13|20|22|23|25|28|29|30|31|37|39|40))$/;
    // Except in the containers a scenario adds itself (an entry scoped to `scenarios` says which).
    expect(findings.filter((finding) => hardening.test(finding.check) && !allowedBy(finding)?.scenarios)).toEqual([]);
  });
});

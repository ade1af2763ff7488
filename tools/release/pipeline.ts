// The release, step by step. Decisions live in the small modules beside this file; this one only
// runs git, npm, gpg-backed Helm and the registry API (the zx edges) and hands their answers over.
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { $ } from 'zx';
import { chartDir, helmBin, helmMajors, helmRuntimeEnv, repoRoot, type HelmMajor } from '../helm.ts';
import { writeFilesAtomically } from '../write-atomic.ts';
import type { ReleaseOptions } from './args.ts';
import { diffFiles, readTarGz } from './archive.ts';
import { changesAnnotation, changesFor } from './changelog.ts';
import { defaultImage, imagesAnnotation, readChartMeta, releaseChartYaml } from './chart-yaml.ts';
import { chartPathspecs, sourceDateEpoch } from './epoch.ts';
import { ReleaseError, oneLine } from './errors.ts';
import { decidePublication, versionStanding, type Publication } from './immutability.ts';
import { chartLayers, credentialsFromConfig, parsePushOutput, type Credentials } from './oci.ts';
import { releaseJson, type ReleaseRecord } from './record.ts';
import { RegistryClient } from './registry-client.ts';
import { parseSemver, versionToTag, type SemVer } from './semver.ts';
import { fluxSnippet, installSnippets } from './snippets.ts';
import { runSteps, type Step } from './steps.ts';

/** The Helm that packages and pushes: Helm 4 keeps the files' mtimes, so its archives are reproducible. */
export const packagingHelm: HelmMajor = 'helm4';

export interface ReleaseIO {
  /** Progress and snippets (stdout). */
  out: (line: string) => void;
  /** Details of a failure, before the one-line reason (stderr). */
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** The repository to release from (default: the one holding this file). */
  root?: string;
}

interface Context {
  options: ReleaseOptions;
  io: ReleaseIO;
  root: string;
  chartSource: string;
  work: string;
  helmEnv: NodeJS.ProcessEnv;
  childEnv: NodeJS.ProcessEnv;
  chart: string;
  repository: string;
  version?: SemVer;
  appVersion?: string;
  helmVersions: Record<string, string>;
  client?: RegistryClient;
  standing?: { last?: string; exists: boolean };
  staged?: string;
  epoch?: number;
  archive?: { path: string; sha256: string; size: number; provenance?: string };
  publication?: Publication;
  digest?: string;
  gitCommit?: string;
  record?: ReleaseRecord;
}

const sha256 = (data: Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** First line of a tool's output that says what went wrong. */
function toolReason(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  return oneLine(lines.find((line) => line.includes('[ERROR]')) ?? lines.find((line) => /error|fail/i.test(line)) ?? lines[0] ?? 'no output');
}

async function sh(context: Context, command: string, args: readonly string[], options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  const result = await $({
    cwd: options.cwd ?? context.root,
    env: options.env ?? context.childEnv,
    quiet: true,
    nothrow: true,
    verbose: false,
    ...(options.input !== undefined ? { input: options.input } : {}),
  })`${command} ${args}`;
  return { code: result.exitCode ?? -1, stdout: result.stdout, stderr: result.stderr };
}

async function helm(context: Context, major: HelmMajor, args: readonly string[], what: string, input?: string): Promise<{ stdout: string; stderr: string }> {
  const result = await sh(context, helmBin(major, context.io.env), args, { env: context.helmEnv, cwd: context.work, ...(input !== undefined ? { input } : {}) });
  if (result.code !== 0) {
    context.io.err(`${result.stderr}${result.stdout}`.trim());
    throw new ReleaseError(`${what} (${major}): ${toolReason(`${result.stderr}\n${result.stdout}`)}`);
  }
  return result;
}

const keyringPath = (context: Context) => (isAbsolute(context.options.keyring!) ? context.options.keyring! : join(context.root, context.options.keyring!));

const plainHttp = (context: Context) => (context.options.plainHttp ? ['--plain-http'] : []);

function setTimes(path: string, epoch: number): void {
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) setTimes(child, epoch);
    else utimesSync(child, epoch, epoch);
  }
  utimesSync(path, epoch, epoch);
}

function registryCredentials(context: Context): { credentials?: Credentials; login: boolean } {
  const { REGISTRY_USERNAME: username, REGISTRY_PASSWORD: password } = context.io.env;
  if (username && password) return { credentials: { username, password }, login: true };
  if (username || password) throw new ReleaseError(`${username ? 'REGISTRY_USERNAME' : 'REGISTRY_PASSWORD'} is set but ${username ? 'REGISTRY_PASSWORD' : 'REGISTRY_USERNAME'} is not`);
  // An existing Helm registry login: used as it is (copied into this run's private config).
  const env = context.io.env;
  const existing = env.HELM_REGISTRY_CONFIG ?? join(env.HELM_CONFIG_HOME ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'helm'), 'registry', 'config.json');
  if (!existsSync(existing)) return { login: false };
  copyFileSync(existing, context.helmEnv.HELM_REGISTRY_CONFIG!);
  const credentials = credentialsFromConfig(readFileSync(existing, 'utf8'), context.options.registry.host);
  return credentials ? { credentials, login: false } : { login: false };
}

const steps: Step<Context>[] = [
  {
    title: 'git tree is clean',
    async run(context) {
      const status = await sh(context, 'git', ['status', '--porcelain=v1', '--untracked-files=normal']);
      if (status.code !== 0) throw new ReleaseError(`${context.root} is not a git work tree: ${toolReason(status.stderr)}`);
      const changes = status.stdout.split('\n').filter(Boolean);
      if (changes.length > 0) {
        throw new ReleaseError(`git tree is dirty (${changes.length} change${changes.length === 1 ? '' : 's'}, e.g. "${changes[0]!.trim()}"): commit or stash before releasing`);
      }
      const head = await sh(context, 'git', ['rev-parse', 'HEAD']);
      context.gitCommit = head.stdout.trim();
      return context.gitCommit.slice(0, 12);
    },
  },
  {
    title: 'version and appVersion',
    async run(context) {
      const meta = readChartMeta(readFileSync(join(context.chartSource, 'Chart.yaml'), 'utf8'));
      context.chart = meta.name;
      context.repository = `${context.options.registry.namespace}/${meta.name}`;
      const versionText = context.options.version ?? meta.version;
      const version = parseSemver(versionText);
      if (!version) throw new ReleaseError(`invalid semver version "${versionText}" (expected MAJOR.MINOR.PATCH, e.g. 1.2.3)`);
      context.version = version;
      const image = defaultImage(readFileSync(join(context.chartSource, 'values.yaml'), 'utf8'));
      const appVersion = context.options.appVersion ?? meta.appVersion;
      if (appVersion !== image.tag) {
        throw new ReleaseError(`appVersion "${appVersion}" does not equal the image tag "${image.tag}" in values.yaml (image.tag)`);
      }
      context.appVersion = appVersion;
      return `${meta.name} ${version.raw}, appVersion ${appVersion}`;
    },
  },
  {
    title: 'generated files match the catalog (verify:generated)',
    async run(context) {
      const result = await sh(context, 'npm', ['run', '--silent', 'verify:generated']);
      if (result.code !== 0) {
        context.io.err(`${result.stdout}${result.stderr}`.trim());
        throw new ReleaseError('generated files differ from the catalog (npm run verify:generated): run `npm run generate` and commit');
      }
    },
  },
  {
    title: 'registry: reachable, credentials, last released version',
    async run(context) {
      const { registry } = context.options;
      const { credentials, login } = registryCredentials(context);
      context.client = new RegistryClient({ host: registry.host, plainHttp: context.options.plainHttp, ...(credentials ? { credentials } : {}) });
      await context.client.ping();
      if (login && credentials) {
        // The password goes to Helm on stdin only: never on a command line, never in a log.
        await helm(context, packagingHelm, ['registry', 'login', registry.host, '--username', credentials.username, '--password-stdin', ...plainHttp(context)], `helm registry login ${registry.host}`, credentials.password);
      }
      const tags = await context.client.tags(context.repository);
      context.standing = versionStanding(context.version!, tags);
      const last = context.standing.last ? `last released ${context.standing.last}` : 'nothing released yet';
      return `${registry.host}/${context.repository}: ${last}${context.standing.exists ? `; ${context.version!.raw} exists` : ''}`;
    },
  },
  {
    title: 'Chart.yaml for the release (artifacthub.io annotations from CHANGELOG.md)',
    async run(context) {
      const committed = readFileSync(join(context.chartSource, 'Chart.yaml'), 'utf8');
      const meta = readChartMeta(committed);
      const version = context.version!.raw;
      const image = defaultImage(readFileSync(join(context.chartSource, 'values.yaml'), 'utf8'));
      const changelogPath = join(context.chartSource, 'CHANGELOG.md');
      const changelogName = relative(context.root, changelogPath);
      if (!existsSync(changelogPath)) throw new ReleaseError(`${changelogName} is missing: it is the source of artifacthub.io/changes`);
      const changes = changesFor(readFileSync(changelogPath, 'utf8'), version, changelogName);
      const license = meta.annotations['artifacthub.io/license'];
      if (!license) throw new ReleaseError('Chart.yaml has no artifacthub.io/license annotation');
      const chartYaml = releaseChartYaml(committed, {
        version,
        appVersion: context.appVersion!,
        annotations: {
          'artifacthub.io/changes': changesAnnotation(changes),
          'artifacthub.io/images': imagesAnnotation([{ name: 'litellm', image: `${image.repository}:${image.tag}${image.digest ? `@${image.digest}` : ''}` }]),
          'artifacthub.io/license': license,
        },
      });
      const staged = join(context.work, 'stage', context.chart);
      cpSync(context.chartSource, staged, { recursive: true });
      writeFileSync(join(staged, 'Chart.yaml'), chartYaml);
      context.staged = staged;
      return `${changes.length} change${changes.length === 1 ? '' : 's'} from ${changelogName}`;
    },
  },
  {
    title: 'helm lint --strict and ci/ scenarios under Helm 3 and Helm 4',
    async run(context) {
      const staged = context.staged!;
      const ciDir = join(staged, 'ci');
      const scenarios = existsSync(ciDir) ? readdirSync(ciDir).filter((file) => /\.ya?ml$/.test(file)).sort() : [];
      const runs: Promise<unknown>[] = [];
      for (const major of helmMajors) {
        runs.push(
          helm(context, major, ['version', '--template', '{{.Version}}'], 'helm version').then(({ stdout }) => {
            context.helmVersions[major] = stdout.trim();
          }),
        );
        runs.push(helm(context, major, ['lint', '--strict', staged], 'helm lint --strict'));
        for (const scenario of scenarios) {
          runs.push(helm(context, major, ['template', 'release', staged, '--namespace', 'litellm', '-f', join(ciDir, scenario)], `helm template -f ci/${scenario}`));
        }
      }
      const results = await Promise.allSettled(runs);
      const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failed) throw failed.reason;
      return `${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'}; ${helmMajors.map((major) => `${major} ${context.helmVersions[major]}`).join(', ')}`;
    },
  },
  {
    title: 'package',
    async run(context) {
      const { options, io } = context;
      let epoch: number;
      try {
        epoch = sourceDateEpoch(io.env.SOURCE_DATE_EPOCH) ?? NaN;
      } catch (error) {
        throw new ReleaseError((error as Error).message);
      }
      if (Number.isNaN(epoch)) {
        // The last commit that changed a packaged file of the chart: the same chart gives the same
        // archive, whichever later commit releases it.
        const chartPath = relative(context.root, context.chartSource);
        const helmignore = join(context.chartSource, '.helmignore');
        const specs = chartPathspecs(chartPath, existsSync(helmignore) ? readFileSync(helmignore, 'utf8') : '');
        const log = await sh(context, 'git', ['log', '-1', '--format=%ct', '--', ...specs]);
        epoch = Number(log.stdout.trim());
        if (!Number.isSafeInteger(epoch) || epoch <= 0) throw new ReleaseError(`cannot read the chart's last commit time: ${toolReason(log.stderr || log.stdout)}`);
      }
      context.epoch = epoch;
      setTimes(context.staged!, epoch);
      const out = join(context.work, 'package');
      mkdirSync(out);
      const sign = options.sign
        ? ['--sign', '--key', options.key!, '--keyring', keyringPath(context)]
        : [];
      await helm(context, packagingHelm, ['package', context.staged!, '--destination', out, ...sign], 'helm package');
      const file = `${context.chart}-${context.version!.raw}.tgz`;
      const path = join(out, file);
      if (!existsSync(path)) throw new ReleaseError(`helm package wrote no ${file}`);
      // Helm pushes the archive's mtime as org.opencontainers.image.created: pin it too.
      utimesSync(path, epoch, epoch);
      const bytes = readFileSync(path);
      context.archive = { path, sha256: sha256(bytes), size: bytes.length };
      if (options.sign) {
        const provenance = `${path}.prov`;
        if (!existsSync(provenance)) throw new ReleaseError(`helm package --sign wrote no ${basename(provenance)}`);
        utimesSync(provenance, epoch, epoch);
        context.archive.provenance = provenance;
        await helm(context, packagingHelm, ['verify', path, '--keyring', keyringPath(context)], 'helm verify (local signature)');
      }
      return `${file} ${context.archive.sha256} (${context.archive.size} bytes${options.sign ? ', signed' : ''})`;
    },
  },
  {
    title: 'immutability: a published version never changes',
    async run(context) {
      const version = context.version!.raw;
      const tag = versionToTag(version);
      let published: { digest: string; chartDigest: string } | undefined;
      let differing: string[] = [];
      if (context.standing!.exists) {
        const found = await context.client!.manifest(context.repository, tag);
        if (found) {
          const { chart } = chartLayers(found.manifest);
          published = { digest: found.digest, chartDigest: chart.digest };
          if (chart.digest !== context.archive!.sha256) {
            const remote = await context.client!.blob(context.repository, chart.digest);
            differing = diffFiles(readTarGz(remote), readTarGz(readFileSync(context.archive!.path)));
          }
        }
      }
      context.publication = decidePublication(version, published, context.archive!.sha256, differing);
      if (context.publication.action === 'unchanged') {
        context.digest = context.publication.digest;
        return `${version} is already published with the same chart digest (${context.digest}): nothing to push`;
      }
      return `${version} is not published yet`;
    },
  },
  {
    title: 'push',
    async run(context) {
      if (context.options.dryRun) return 'skipped: dry run';
      if (context.publication!.action === 'unchanged') return 'skipped: already published';
      const pushed = await helm(context, packagingHelm, ['push', context.archive!.path, context.options.registry.url, ...plainHttp(context)], 'helm push');
      const { digest } = parsePushOutput(pushed.stdout, pushed.stderr);
      const served = await context.client!.manifest(context.repository, versionToTag(context.version!.raw));
      if (served?.digest !== digest) {
        throw new ReleaseError(`the registry serves ${served?.digest ?? 'nothing'} for ${context.version!.raw}, not the pushed ${digest}`);
      }
      context.digest = digest;
      return digest;
    },
  },
  {
    title: 'verify: pull by digest, checksum, helm show chart/values',
    async run(context) {
      if (!context.digest) return 'skipped: dry run (nothing in the registry to verify)';
      const reference = `${context.options.registry.url}/${context.chart}@${context.digest}`;
      const signed = context.options.sign;
      for (const major of helmMajors) {
        const into = join(context.work, `pull-${major}`);
        mkdirSync(into);
        // `--prov` fetches the provenance layer too. `--verify` is not used here: by digest, Helm 3.17 and
        // 4.1 look the archive up in the .prov under the name "<chart>@sha256-….tgz" and fail
        // (helm/helm#32546); the signature is checked below under the archive's own name instead.
        await helm(context, major, ['pull', reference, '--destination', into, ...plainHttp(context), ...(signed ? ['--prov'] : [])], `helm pull ${reference}`);
        const pulled = readdirSync(into).filter((file) => file.endsWith('.tgz'));
        if (pulled.length !== 1) throw new ReleaseError(`helm pull (${major}) left ${pulled.length} archives, expected 1`);
        const checksum = sha256(readFileSync(join(into, pulled[0]!)));
        if (checksum !== context.archive!.sha256) {
          throw new ReleaseError(`the chart pulled by digest (${major}) has checksum ${checksum}, not the packaged ${context.archive!.sha256}`);
        }
        if (signed) {
          if (!existsSync(join(into, `${pulled[0]}.prov`))) throw new ReleaseError(`the registry has no provenance layer for ${reference}`);
          const named = join(into, 'verify', basename(context.archive!.path));
          mkdirSync(dirname(named));
          copyFileSync(join(into, pulled[0]!), named);
          copyFileSync(join(into, `${pulled[0]}.prov`), `${named}.prov`);
          await helm(context, major, ['verify', named, '--keyring', keyringPath(context)], `helm verify (the chart pulled by digest)`);
        }
        for (const what of ['chart', 'values'] as const) {
          const remote = await helm(context, major, ['show', what, reference, ...plainHttp(context)], `helm show ${what} ${reference}`);
          const local = await helm(context, major, ['show', what, context.archive!.path], `helm show ${what} (local package)`);
          if (remote.stdout !== local.stdout) throw new ReleaseError(`helm show ${what} (${major}) from the registry differs from the packaged chart`);
        }
      }
      return `${reference} (${helmMajors.join(', ')}${signed ? ', signature verified' : ''})`;
    },
  },
  {
    title: 'write dist/',
    async run(context) {
      const { options } = context;
      const dist = isAbsolute(options.dist) ? options.dist : join(context.root, options.dist);
      const record: ReleaseRecord = {
        chart: context.chart,
        version: context.version!.raw,
        appVersion: context.appVersion!,
        reference: `${options.registry.url}/${context.chart}`,
        digest: context.digest ?? null,
        chartDigest: context.archive!.sha256,
        size: context.archive!.size,
        archive: basename(context.archive!.path),
        provenance: context.archive!.provenance ? basename(context.archive!.provenance) : null,
        signed: options.sign,
        published: context.publication!.action === 'unchanged' ? 'unchanged' : options.dryRun ? 'dry-run' : 'pushed',
        helm: context.helmVersions,
        packagedWith: packagingHelm,
        sourceDateEpoch: context.epoch!,
        gitCommit: context.gitCommit!,
        timestamp: new Date().toISOString(),
      };
      const files = [
        { path: record.archive, content: readFileSync(context.archive!.path) },
        ...(context.archive!.provenance ? [{ path: record.provenance!, content: readFileSync(context.archive!.provenance) }] : []),
        { path: 'release.json', content: releaseJson(record) },
      ];
      writeFilesAtomically(dist, files);
      // Keep the archives' pinned mtimes in dist/ as well.
      for (const file of files.slice(0, -1)) utimesSync(join(dist, file.path), context.epoch!, context.epoch!);
      context.record = record;
      return `${relative(context.root, dist) || '.'}/{${files.map((file) => file.path).join(',')}}`;
    },
  },
];

export async function release(options: ReleaseOptions, io: ReleaseIO): Promise<ReleaseRecord> {
  const root = io.root ?? repoRoot;
  const work = mkdtempSync(join(tmpdir(), 'litellm-release-'));
  // Helm gets a private config, cache and registry login for this run only; children never see the password.
  const { REGISTRY_PASSWORD: _password, ...childEnv } = io.env;
  const helmEnv: NodeJS.ProcessEnv = {
    ...childEnv,
    ...helmRuntimeEnv(childEnv),
    HELM_CONFIG_HOME: join(work, 'helm', 'config'),
    HELM_CACHE_HOME: join(work, 'helm', 'cache'),
    HELM_DATA_HOME: join(work, 'helm', 'data'),
    HELM_REGISTRY_CONFIG: join(work, 'registry-config.json'),
  };
  const context: Context = {
    options,
    io,
    root,
    chartSource: root === repoRoot ? chartDir : join(root, relative(repoRoot, chartDir)),
    work,
    helmEnv,
    childEnv,
    chart: basename(chartDir),
    repository: '',
    helmVersions: {},
  };
  io.out(`release: ${options.registry.url}${options.version ? `, version ${options.version}` : ''}${options.dryRun ? ' (dry run: every step except the push)' : ''}`);
  try {
    await runSteps(steps, context, io.out);
    const record = context.record!;
    const snippet = { chart: record.chart, registryUrl: options.registry.url, version: record.version, plainHttp: options.plainHttp, ...(record.digest ? { digest: record.digest } : {}) };
    io.out('');
    io.out(
      record.published === 'dry-run'
        ? `dry run: nothing was pushed; ${record.chart} ${record.version} would be published as ${record.reference}:${record.version}`
        : `${record.chart} ${record.version} ${record.published === 'pushed' ? 'published' : 'was already published (unchanged)'}: ${record.reference}@${record.digest}`,
    );
    io.out('');
    io.out('Install with Helm:');
    for (const line of installSnippets(snippet)) io.out(`  ${line}`);
    io.out('');
    io.out('Or with Flux (an OCIRepository pinned to this release; see examples/flux/ for the HelmRelease):');
    for (const line of fluxSnippet(snippet).trimEnd().split('\n')) io.out(`  ${line}`);
    return record;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

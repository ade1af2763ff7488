// A throw-away copy of this workspace (its git-tracked files, committed in a fresh repository) in
// which the real `nx` CLI, `npm run` scripts and Helm run as a user would run them.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../../../tools/helm.ts';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion; a non-zero exit is a result, not an error. */
export async function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string; message: string };
    if (typeof failed.code !== 'number') throw new Error(`${command} ${args.join(' ')} could not run: ${failed.message}`);
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/**
 * Links every entry of `from` into a new directory `to`. Workspace package links (relative links,
 * like node_modules/@litellm-stack/*) are recreated as they are, so they point into the copy.
 */
function linkEntries(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    if (entry.isSymbolicLink() && !readlinkSync(source).startsWith('/')) symlinkSync(readlinkSync(source), join(to, entry.name));
    else if (entry.name === '@litellm-stack') linkEntries(source, join(to, entry.name));
    else symlinkSync(source, join(to, entry.name));
  }
}

// Plain output whatever the caller's terminal or CI: Nx colours its log when CI is set.
const nxEnv = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'true', NX_INTERACTIVE: 'false', FORCE_COLOR: '0', NO_COLOR: '1' };

export class WorkspaceCopy {
  readonly root = mkdtempSync(join(tmpdir(), 'litellm-stack-nx-e2e-'));

  /** Copies the tracked files, links node_modules (Helm is run from this workspace), and commits the copy. */
  async create(): Promise<void> {
    const listed = await run('git', ['ls-files', '-z'], repoRoot);
    if (listed.code !== 0) throw new Error(`git ls-files failed in ${repoRoot}: ${listed.stderr}`);
    for (const path of listed.stdout.split('\0').filter(Boolean)) {
      // A tracked file deleted in the working tree is not part of the workspace being tested.
      if (!existsSync(join(repoRoot, path))) continue;
      mkdirSync(dirname(join(this.root, path)), { recursive: true });
      copyFileSync(join(repoRoot, path), join(this.root, path));
    }
    const modules = join(repoRoot, 'node_modules');
    if (!existsSync(modules)) throw new Error(`${modules} is missing: run \`npm ci\` first`);
    // A real directory of links: git ignores it (a link itself would show as untracked).
    linkEntries(modules, join(this.root, 'node_modules'));
    await this.git('init', '-q');
    await this.git('add', '-A');
    await this.git('-c', 'user.name=e2e', '-c', 'user.email=e2e@localhost', 'commit', '-qm', 'workspace copy');
  }

  async git(...args: string[]): Promise<string> {
    const result = await run('git', args, this.root);
    if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
  }

  /** Paths git sees as changed or new since the copy was made. */
  async changedPaths(): Promise<string[]> {
    const status = await this.git('status', '--porcelain', '--untracked-files=all');
    return status.split('\n').filter(Boolean).map((line) => line.slice(3)).sort();
  }

  /** Back to the copied state. */
  async reset(): Promise<void> {
    await this.git('checkout', '-q', '--', '.');
    await this.git('clean', '-qfd');
  }

  /** `npx nx g <generator> …` as a user runs it, without daemon, cloud or cache. */
  nxGenerate(generator: string, args: string[]): Promise<RunResult> {
    return run('npx', ['nx', 'g', `@litellm-stack/nx-plugin:${generator}`, ...args, '--no-interactive'], this.root, nxEnv);
  }

  npmRun(script: string): Promise<RunResult> {
    return run('npm', ['run', '-s', script], this.root);
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

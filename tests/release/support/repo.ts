// A throwaway copy of the repository for running the real release CLI: the work tree's tracked and
// untracked (not ignored) files, committed into a fresh git repository, so tests may dirty it, commit
// in it and write its dist/ without touching the real tree. node_modules and .tools are linked.
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from '../../../tools/helm.ts';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The last non-empty line of stderr: the one-line reason of a refusal. */
  reason: string;
}

export interface RepoCopy {
  dir: string;
  /** An isolated HOME (no registry logins of the developer leak in). */
  home: string;
  git: (...args: string[]) => string;
  commitAll: (message: string) => void;
  write: (path: string, content: string) => void;
  read: (path: string) => string;
  /** Adds `## <version>` to the chart's CHANGELOG.md and commits it. */
  addChangelogEntry: (version: string, change?: string) => void;
  /** Runs the release CLI in the copy as `npm run release -- …args` does (its bundle, tools/bundled.mjs), without npm's own start-up. */
  release: (args: string[], env?: NodeJS.ProcessEnv) => Promise<RunResult>;
  cleanup: () => void;
}

const gitIdentity = {
  GIT_AUTHOR_NAME: 'Release Test',
  GIT_AUTHOR_EMAIL: 'release-test@example.invalid',
  GIT_COMMITTER_NAME: 'Release Test',
  GIT_COMMITTER_EMAIL: 'release-test@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
};

function linkNodeModules(source: string, target: string): void {
  mkdirSync(target);
  for (const entry of readdirSync(source)) {
    const from = join(source, entry);
    const to = join(target, entry);
    if (entry.startsWith('@') && readdirSync(from).some((name) => lstatSync(join(from, name)).isSymbolicLink())) {
      // Workspace packages are relative links into packages/: recreate them so they point into the copy.
      mkdirSync(to);
      for (const name of readdirSync(from)) {
        const link = join(from, name);
        symlinkSync(lstatSync(link).isSymbolicLink() ? readlinkSync(link) : link, join(to, name));
      }
    } else symlinkSync(from, to);
  }
}

export function copyRepo(source = repoRoot): RepoCopy {
  const base = mkdtempSync(join(tmpdir(), 'litellm-repo-'));
  const dir = join(base, 'repo');
  const home = join(base, 'home');
  mkdirSync(dir);
  mkdirSync(home);
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: source, encoding: 'utf8' });
  for (const file of new Set(listed.split('\0').filter(Boolean))) {
    const from = join(source, file);
    if (!existsSync(from)) continue; // deleted in the work tree
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(from, join(dir, file));
  }
  linkNodeModules(join(source, 'node_modules'), join(dir, 'node_modules'));
  symlinkSync(join(source, '.tools'), join(dir, '.tools'));
  const env = { ...process.env, ...gitIdentity, HOME: home };
  const git = (...args: string[]) => execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, env, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'snapshot of the work tree');
  const copy: RepoCopy = {
    dir,
    home,
    git,
    commitAll(message) {
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
    },
    write: (path, content) => writeFileSync(join(dir, path), content),
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    addChangelogEntry(version, change = `Release ${version} (test).`) {
      const path = 'charts/litellm-stack/CHANGELOG.md';
      const text = copy.read(path);
      const first = text.indexOf('\n## ');
      copy.write(path, `${text.slice(0, first + 1)}## ${version}\n\n### Changed\n\n- ${change}\n\n${text.slice(first + 1)}`);
      copy.commitAll(`changelog ${version}`);
    },
    release(args, extraEnv = {}) {
      const childEnv: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: home,
        LANG: 'C.UTF-8',
        ...gitIdentity,
        ...extraEnv,
      };
      return new Promise((resolve) => {
        execFile(process.execPath, ['tools/bundled.mjs', 'tools/release/cli.ts', ...args], { cwd: dir, env: childEnv, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          const reason = stderr.trim().split('\n').filter(Boolean).at(-1) ?? '';
          resolve({ code, stdout, stderr, reason });
        });
      });
    },
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
  return copy;
}

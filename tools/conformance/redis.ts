// A real redis-server (Debian package) on a free 127.0.0.1 port with ACLs: `default` is off, the
// proxy logs in as `litellm` with the rule the chart documents, and `admin` lets tests inspect keys
// and the ACL log. Stands in for the seed's Dragonfly (same protocol and ACL syntax).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chartDir } from '../helm.ts';
import { freePort, waitFor } from './process.ts';

const execFileAsync = promisify(execFile);

/** Where the chart documents the ACL user its cache needs; the suite runs Redis with exactly that rule. */
export const aclDoc = join(chartDir, 'docs', 'cache.md');

/** The rule of the `user litellm on >PASSWORD …` line in a document. */
export function documentedAclRule(markdown: string): string {
  const match = /^user litellm on >PASSWORD (.+)$/m.exec(markdown);
  if (!match) throw new Error(`${aclDoc} documents no "user litellm on >PASSWORD <rule>" line`);
  return match[1]!.trim();
}

export const litellmAclRule = (): string => documentedAclRule(readFileSync(aclDoc, 'utf8'));

export const redisUser = 'litellm';
const adminUser = 'admin';

export interface AclLogEntry {
  reason: string;
  object: string;
  username: string;
  context: string;
}

export function redisConfig(port: number, dir: string): string {
  return [
    'bind 127.0.0.1', `port ${port}`, 'daemonize no', 'protected-mode yes', `dir ${dir}`,
    'save ""', 'appendonly no', `aclfile ${join(dir, 'users.acl')}`, 'acllog-max-len 1024', `logfile ${join(dir, 'redis.log')}`,
  ].join('\n') + '\n';
}

export function aclFile(password: string, adminPassword: string, rule: string): string {
  return [
    'user default off',
    `user ${redisUser} on >${password} ${rule}`,
    `user ${adminUser} on >${adminPassword} ~* &* +@all`,
  ].join('\n') + '\n';
}

/** redis-cli --json ACL LOG: an array of flat maps. */
export function parseAclLog(json: string): AclLogEntry[] {
  const entries = JSON.parse(json) as Array<Record<string, unknown>>;
  return entries.map((entry) => ({
    reason: String(entry.reason), object: String(entry.object), username: String(entry.username), context: String(entry.context),
  }));
}

export class RedisServer {
  private child: ChildProcess | undefined;
  private readonly adminPassword = `admin-${process.pid}-${Date.now()}`;
  readonly dir = mkdtempSync(join(tmpdir(), 'conformance-redis-'));
  port = 0;

  constructor(readonly password: string, private readonly rule: string = litellmAclRule()) {}

  async start(): Promise<this> {
    this.port = await freePort();
    writeFileSync(join(this.dir, 'redis.conf'), redisConfig(this.port, this.dir));
    writeFileSync(join(this.dir, 'users.acl'), aclFile(this.password, this.adminPassword, this.rule));
    const child = spawn('redis-server', [join(this.dir, 'redis.conf')], { stdio: 'ignore' });
    this.child = child;
    const spawnError = new Promise<never>((_, reject) => child.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT'
        ? new Error('redis-server is not installed: run `apt-get install redis-server` (.ci/run does this)')
        : error);
    }));
    await Promise.race([spawnError, waitFor(`redis-server on port ${this.port}`, 10_000, async () => {
      if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}): ${this.log()}`);
      return (await this.admin('PING').catch(() => '')).trim() === 'PONG';
    })]);
    return this;
  }

  log(): string {
    try {
      return readFileSync(join(this.dir, 'redis.log'), 'utf8');
    } catch {
      return '';
    }
  }

  /** Runs one command as the admin user. */
  async admin(...args: string[]): Promise<string> {
    const { stdout } = await execFileAsync('redis-cli', this.cliArgs(args));
    return stdout;
  }

  private cliArgs(args: string[]): string[] {
    return ['-h', '127.0.0.1', '-p', String(this.port), '--user', adminUser, '--pass', this.adminPassword, '--no-auth-warning', ...args];
  }

  async keys(): Promise<string[]> {
    return (await this.admin('--scan')).split('\n').filter((key) => key !== '').sort();
  }

  async aclLog(): Promise<AclLogEntry[]> {
    return parseAclLog(await this.admin('--json', 'ACL', 'LOG', '1024'));
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

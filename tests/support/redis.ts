// A throwaway redis-server on 127.0.0.1 (Debian's redis-server stands in for Dragonfly: same protocol
// and ACL syntax), for tests that check what an ACL really allows.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const binaries = ['/usr/bin/redis-server', '/usr/bin/redis-cli'];

export interface RedisServer {
  port: number;
  /** Runs one command as `user`; resolves to what redis-cli printed (replies and errors alike). */
  run(user: string, password: string, ...command: string[]): Promise<string>;
  stop(): void;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export async function startRedis(aclFile: string, readyAs: { user: string; password: string }): Promise<RedisServer> {
  const missing = binaries.filter((bin) => !existsSync(bin));
  if (missing.length > 0) throw new Error(`${missing.join(', ')} missing: install Debian's redis-server package (.ci/run does)`);
  const dir = mkdtempSync(join(tmpdir(), 'litellm-stack-redis-'));
  const acl = join(dir, 'users.acl');
  writeFileSync(acl, aclFile);
  const port = await freePort();
  const child = spawn(binaries[0]!, ['--bind', '127.0.0.1', '--port', String(port), '--aclfile', acl, '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const run = async (user: string, password: string, ...command: string[]) => {
    const { stdout, stderr: err } = await promisify(execFile)(binaries[1]!, ['-h', '127.0.0.1', '-p', String(port), '--user', user, '--pass', password, '--no-auth-warning', ...command]).catch(
      (error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
    );
    return `${stdout}${err}`.trim();
  };
  const stop = () => child.kill('SIGTERM');
  for (let attempt = 0; attempt < 50; attempt++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}): ${stderr}`);
    if ((await run(readyAs.user, readyAs.password, 'PING')) === 'PONG') return { port, run, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error(`redis-server on port ${port} did not answer PING within 5 s: ${stderr}`);
}

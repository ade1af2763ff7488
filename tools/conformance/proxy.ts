// Starts the real LiteLLM proxy (from the project's .venv) with exactly the config.yaml, env and args
// the chart rendered, on 127.0.0.1, offline, in a clean working directory; stops it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { venvBin } from '../python-env.ts';
import { freePort, waitFor } from './process.ts';

export interface ProxyInput {
  /** config.yaml as an object. */
  config: any;
  /** The container's env with secretKeyRefs resolved. */
  env: Record<string, string>;
  /** The container's args (`--config /app/config.yaml --port 4000 …`). */
  args: string[];
  /** The config directory's files as rendered (config.yaml and included model files), when they are to be used as they are. */
  files?: Record<string, string>;
}

/**
 * Only what a pod would have, plus what keeps the run offline: LITELLM_LOCAL_MODEL_COST_MAP stops the
 * startup download of the cost map. Nothing is inherited from the test runner's environment.
 */
export function processEnv(input: ProxyInput, home: string): Record<string, string> {
  return {
    PATH: `${dirname(venvBin('litellm'))}:/usr/bin:/bin`,
    HOME: home,
    LITELLM_LOCAL_MODEL_COST_MAP: 'True',
    LITELLM_MODE: 'PRODUCTION',
    ...input.env,
  };
}

/** The container's args with the config path and port of this run, bound to loopback. */
export function localArgs(args: readonly string[], configPath: string, port: number): string[] {
  const replaced = args.map((arg, index) => {
    const flag = args[index - 1];
    if (flag === '--config' || flag === '-c') return configPath;
    if (flag === '--port') return String(port);
    return arg;
  });
  if (!replaced.includes(configPath)) throw new Error(`the container args have no --config: ${args.join(' ')}`);
  if (!replaced.includes('--port')) replaced.push('--port', String(port));
  return [...replaced, '--host', '127.0.0.1'];
}

/**
 * LiteLLM's separate health app as the image's supervisord starts it next to the proxy
 * (SEPARATE_HEALTH_APP=1): uvicorn with the health router's factory, the same env, its own port.
 */
export class HealthApp {
  private constructor(private readonly child: ChildProcess, readonly url: string) {}

  static async start(input: ProxyInput, dir: string, timeoutMs = 120_000): Promise<HealthApp> {
    const port = await freePort();
    const log = openSync(join(dir, 'health-app.log'), 'w');
    const module = 'litellm.proxy.health_endpoints.health_app_factory:build_health_app';
    const child = spawn(venvBin('uvicorn'), [module, '--factory', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: dir, env: { ...processEnv(input, dir), SEPARATE_HEALTH_PORT: String(port) }, stdio: ['ignore', log, log], detached: true,
    });
    closeSync(log);
    const app = new HealthApp(child, `http://127.0.0.1:${port}`);
    try {
      await waitFor(`the health app on ${app.url}`, timeoutMs, async () => {
        if (child.exitCode !== null) throw new Error(`the health app exited with ${child.exitCode}:\n${readFileSync(join(dir, 'health-app.log'), 'utf8')}`);
        return (await fetch(`${app.url}/health/liveliness`).catch(() => undefined))?.status === 200;
      });
    } catch (error) {
      await app.stop();
      throw error;
    }
    return app;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    process.kill(-this.child.pid!, 'SIGKILL');
    await exited;
  }
}

/** How a run is started: by default the argv itself; a launcher may wrap it (tools/conformance/pod-sandbox.ts). */
export type Launcher = (run: { argv: string[]; env: Record<string, string>; dir: string; configPath: string }) => { command: string; args: string[]; env: Record<string, string> };

const direct: Launcher = ({ argv, env }) => ({ command: argv[0]!, args: argv.slice(1), env });

export class LiteLLMProxy {
  private constructor(
    private readonly child: ChildProcess,
    /** The config.yaml it runs with. */
    readonly config: any,
    readonly url: string,
    readonly dir: string,
    readonly masterKey: string,
  ) {}

  /** Milliseconds from spawn to the first 200 of /health/liveliness. */
  startupMs = 0;

  static async start(input: ProxyInput, timeoutMs = 120_000, launch: Launcher = direct): Promise<LiteLLMProxy> {
    const litellm = venvBin('litellm');
    if (!existsSync(litellm)) {
      throw new Error(`${litellm} is missing: the vitest globalSetup builds .venv from requirements.txt (litellm[proxy]); run \`npm test\``);
    }
    const dir = mkdtempSync(join(tmpdir(), 'conformance-litellm-'));
    const configPath = join(dir, 'config.yaml');
    // YAML 1.1 as the proxy's PyYAML reads it: an api_version like 2024-10-21 stays a quoted string
    // (as the chart renders it), not a date that LiteLLM's Azure code cannot split.
    for (const [path, text] of Object.entries(input.files ?? { 'config.yaml': stringify(input.config, { version: '1.1' }) })) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const port = await freePort();
    const log = openSync(join(dir, 'litellm.log'), 'w');
    const started = Date.now();
    // Its own process group, so stop() ends uvicorn workers too.
    const run = launch({ argv: [litellm, ...localArgs(input.args, configPath, port)], env: processEnv(input, dir), dir, configPath });
    const child = spawn(run.command, run.args, { cwd: dir, env: run.env, stdio: ['ignore', log, log], detached: true });
    closeSync(log);
    const url = `http://127.0.0.1:${port}`;
    const proxy = new LiteLLMProxy(child, input.config, url, dir, input.env.LITELLM_MASTER_KEY ?? '');
    try {
      await waitFor(`LiteLLM on ${url}/health/liveliness`, timeoutMs, async () => {
        if (child.exitCode !== null) throw new Error(`litellm exited with ${child.exitCode}:\n${proxy.logTail()}`);
        return (await fetch(`${url}/health/liveliness`).catch(() => undefined))?.status === 200;
      });
    } catch (error) {
      await proxy.stop();
      throw error;
    }
    proxy.startupMs = Date.now() - started;
    return proxy;
  }

  log(): string {
    return readFileSync(join(this.dir, 'litellm.log'), 'utf8');
  }

  logTail(lines = 40): string {
    return this.log().split('\n').slice(-lines).join('\n');
  }

  /** A request with the master key (or `key`), JSON body when given. */
  async call(path: string, body?: object, key: string = this.masterKey): Promise<{ status: number; headers: Headers; json: any; text: string }> {
    const response = await fetch(`${this.url}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, json, text };
  }

  /** The process id of the container's main process (what the kubelet signals). */
  get pid(): number {
    return this.child.pid!;
  }

  /**
   * The kubelet's SIGTERM after preStop: to the main process only (a container's PID 1), not its group.
   * Resolves when the process has exited.
   */
  async terminate(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    this.child.kill('SIGTERM');
    return exited;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    const group = -this.child.pid!;
    process.kill(group, 'SIGTERM');
    const timer = setTimeout(() => process.kill(group, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

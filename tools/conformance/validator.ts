// The fake providers' request validator (tools/conformance/validator/server.py): the providers' official
// SDK request types and the per-deployment rules, in a Python process on 127.0.0.1, started with the
// project's .venv and stopped by PID. One per test file, shared by its fake backends.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ModelDeployment } from '../../packages/catalog/src/index.ts';
import { repoRoot } from '../helm.ts';
import { venvBin } from '../python-env.ts';

/** What a fake provider answers instead of 200: the provider's own error, and the rule that refused. */
export interface Rejection {
  status: number;
  body: object;
  /** `sdk:<package type>` for the SDK's request type, else the per-deployment rule's id. */
  rule: string;
  headers: Record<string, string>;
}

/** What the catalog says about a deployment that the provider enforces on it. */
export interface DeploymentProfile {
  /** The model behind the deployment, without provider prefix (`text-embedding-ada-002`). */
  model: string;
  /**
   * The deployment's base model as LiteLLM's cost map keys it (`azure/us/o3-2025-04-16`): the validator
   * takes "reasoning model" (no max_tokens, only the default temperature) from that map's `supports_reasoning`.
   */
  baseModel: string;
  /** The catalog's `supportsReasoning`, used only for a base model the cost map does not hold. */
  catalogReasoning: boolean;
}

export interface ValidationRequest {
  kind: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  deployment: string | null;
  profile: DeploymentProfile;
  /** The body exactly as it arrived (a signature covers it); `body` parsed. */
  raw?: string;
  /** What the chart gave the pod to authenticate with (Bedrock: awsAccessKeyId, awsSecretAccessKey, awsRegionName). */
  auth?: Record<string, string>;
}

/** One call of a provider's official SDK (`openai` for Azure, `anthropic`, `cohere`, `boto3` for Bedrock) to a fake backend. */
export interface SdkCall {
  provider: 'azure' | 'anthropic' | 'cohere' | 'bedrock';
  base_url: string;
  model: string;
  /** Azure: the api-version query; without it the call has none. */
  api_version?: string;
  /** More keyword arguments of the SDK method. */
  extra?: Record<string, unknown>;
  /** Bedrock: the keys and region boto3 signs with. */
  auth?: Record<string, string>;
  /** Bedrock: `converse` (default) or `invoke_model` (extra.body is the model's JSON body). */
  operation?: 'converse' | 'invoke_model';
}

/** The SDK's typed error (`openai.RateLimitError`, …) and what it read from the body; `error: null` when none. */
export interface SdkError {
  error: string | null;
  status?: number;
  body?: unknown;
  code?: string | null;
  type?: string | null;
  param?: string | null;
  /** Seconds the SDK itself would wait before retrying (it prefers retry-after-ms). */
  retry_after?: number | null;
  /** Bedrock, accepted: what boto3 parsed from the answer (Converse's output, InvokeModel's body). */
  answer?: unknown;
}

/** The profile of the deployment a provider call names (Azure: the path's deployment; others: body.model). */
export function profileFor(models: readonly ModelDeployment[], name: string): DeploymentProfile {
  // LiteLLM strips its markers (azure/gpt5_series/<deployment>, azure/o_series/<deployment>) before it calls Azure.
  const deploymentOf = (model: string) => model.slice(model.indexOf('/') + 1).replace(/^(gpt5_series|o_series)\//, '');
  const model = models.find((candidate) => deploymentOf(candidate.model) === name);
  const base = model?.info.baseModel ?? model?.model ?? name;
  return { model: base.slice(base.indexOf('/') + 1), baseModel: base, catalogReasoning: model?.info.supportsReasoning === true };
}

export class ProviderValidator {
  private constructor(private readonly child: ChildProcess, readonly url: string) {}

  static async start(timeoutMs = 120_000): Promise<ProviderValidator> {
    const child = spawn(venvBin('python'), [join(repoRoot, 'tools/conformance/validator/server.py')], {
      stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: '/usr/bin:/bin', PYTHONDONTWRITEBYTECODE: '1' },
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const port = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => reject(new Error(`provider validator not ready after ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\n')) {
          clearTimeout(timer);
          resolve(stdout.split('\n')[0]!.trim());
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`provider validator exited with ${code}:\n${stderr}`));
      });
    }).catch(async (error) => {
      child.kill('SIGKILL');
      throw error;
    });
    return new ProviderValidator(child, `http://127.0.0.1:${port}`);
  }

  /** The provider's refusal of `request`, or undefined when the provider would accept it. */
  async check(request: ValidationRequest): Promise<Rejection | undefined> {
    const response = await fetch(`${this.url}/validate`, { method: 'POST', body: JSON.stringify(request) });
    if (response.status !== 200) throw new Error(`provider validator answered ${response.status}: ${await response.text()}`);
    const verdict = (await response.json()) as Partial<Rejection>;
    return verdict.rule ? (verdict as Rejection) : undefined;
  }

  /** What the provider's official SDK raises when it calls a fake backend (validator/sdk_errors.py). */
  async sdkCall(call: SdkCall): Promise<SdkError> {
    const response = await fetch(`${this.url}/sdk-call`, { method: 'POST', body: JSON.stringify(call) });
    if (response.status !== 200) throw new Error(`provider validator answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as SdkError;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    process.kill(this.child.pid!, 'SIGTERM');
    await exited;
  }
}

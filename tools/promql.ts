// Prometheus' own PromQL parser (tools/promql, a small Go program), built on first use into
// .tools/promql-parts and rebuilt when its sources change. Tests parse the chart's alert and
// dashboard expressions with it, so a syntax error fails like a wrong metric name does.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExpressionParts } from '@litellm-stack/catalog';
import { repoRoot, toolsDir } from './helm.ts';

const sourceDir = join(repoRoot, 'tools', 'promql');
const binary = join(toolsDir, 'promql-parts');
const stamp = `${binary}.sha256`;

export interface ParsedExpression extends ExpressionParts {
  /** The parser's message when the expression is not valid PromQL. */
  error?: string;
}

/** Builds the parser unless the binary matches its sources; returns the binary's path. */
export function ensurePromqlParser(): string {
  const wanted = createHash('sha256')
    .update(['main.go', 'go.mod', 'go.sum'].map((file) => readFileSync(join(sourceDir, file), 'utf8')).join('\0'))
    .digest('hex');
  if (existsSync(binary) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return binary;
  mkdirSync(toolsDir, { recursive: true });
  // Parallel test workers may build at once: each writes its own file, the rename is atomic.
  const partial = `${binary}.${process.pid}.partial`;
  try {
    execFileSync('go', ['build', '-o', partial, '.'], { cwd: sourceDir, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '');
    throw new Error(`building the PromQL parser (tools/promql) needs Go and the Go module proxy: ${(error as Error).message}\n${stderr}`);
  }
  renameSync(partial, binary);
  writeFileSync(stamp, wanted);
  return binary;
}

export function parsePromql(exprs: string[]): Promise<ParsedExpression[]> {
  const bin = ensurePromqlParser();
  return new Promise((resolve, reject) => {
    const child = execFile(bin, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`promql-parts failed: ${stderr || error.message}`));
      resolve(JSON.parse(stdout) as ParsedExpression[]);
    });
    child.stdin?.end(JSON.stringify(exprs));
  });
}

/** Grafana's template variables, replaced by values PromQL accepts, so dashboard queries parse. */
export function withoutGrafanaVariables(expr: string): string {
  return expr.replace(/\$__rate_interval|\$__interval|\$__range/g, '5m').replace(/\$\{?\w+\}?/g, 'x');
}

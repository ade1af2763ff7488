// Whole-process cost of one command: wall time, and CPU time (user + system of the process and its
// children) from the shell's `times` builtin, which Node's child_process does not report.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface ProcessCost {
  cpuMs: number;
  wallMs: number;
}

/** CPU milliseconds of the children from `times` output (second line: children's user and system). */
export function parseTimes(output: string): number {
  const lines = output.trim().split('\n');
  const children = lines[lines.length - 1]!.match(/^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/);
  if (!children) throw new Error(`unexpected \`times\` output: ${JSON.stringify(output)}`);
  const [, userMin, userSec, sysMin, sysSec] = children.map(Number) as [number, number, number, number, number];
  return Math.round((userMin * 60 + userSec + sysMin * 60 + sysSec) * 1000);
}

/** Runs `command args` (output discarded) under /bin/sh and returns its cost; throws on a non-zero exit. */
export function measureProcess(command: string, args: readonly string[]): ProcessCost {
  const started = performance.now();
  const result = spawnSync('/bin/sh', ['-c', '"$@" >/dev/null || exit $?; times', 'sh', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const wallMs = Math.round(performance.now() - started);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}`);
  return { cpuMs: parseTimes(result.stdout), wallMs };
}

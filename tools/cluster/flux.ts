// Flux's source-controller and helm-controller (built by tools/cluster/binaries.ts) as local processes
// against a control plane from control-plane.ts: the admin kubeconfig, every namespace watched, no
// leader election, and every listener (metrics, health, source-controller's artifact server) on a
// free loopback port. The Flux CRDs must be installed first: source-controller refuses to start
// without all six source kinds.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../conformance/process.ts';
import { ensureBinaries, startProcess, stopProcess, tail, waitUntil, type ControlPlane, type Running } from './control-plane.ts';
import { flux } from './binaries.ts';

export interface Flux {
  log: (controller: 'source-controller' | 'helm-controller') => string;
  stop: () => Promise<void>;
}

export async function startFlux(plane: ControlPlane): Promise<Flux> {
  const bins = ensureBinaries(flux);
  const storage = join(plane.dir, 'flux-artifacts');
  mkdirSync(storage, { recursive: true });
  const [storagePort, sourceMetrics, sourceHealth, helmMetrics, helmHealth] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  const common = (metrics: number, health: number) => [
    '--watch-all-namespaces',
    '--enable-leader-election=false',
    `--metrics-addr=127.0.0.1:${metrics}`,
    `--health-addr=127.0.0.1:${health}`,
  ];
  const processes: Running[] = [];
  const stop = async () => {
    for (const entry of processes.reverse()) await stopProcess(entry);
  };
  // The controllers take the API server from KUBECONFIG (they have no flag for it); the runtime
  // namespace is where they would run in a cluster.
  const env = { KUBECONFIG: plane.kubeconfig, RUNTIME_NAMESPACE: 'flux-system' };
  try {
    processes.push(
      startProcess(plane.dir, 'source-controller', bins['source-controller']!, [
        ...common(sourceMetrics, sourceHealth),
        `--storage-path=${storage}`,
        `--storage-addr=127.0.0.1:${storagePort}`,
        // helm-controller downloads the chart from the URL this advertises.
        `--storage-adv-addr=127.0.0.1:${storagePort}`,
      ], env),
    );
    processes.push(startProcess(plane.dir, 'helm-controller', bins['helm-controller']!, common(helmMetrics, helmHealth), env));
    for (const [name, port] of [['source-controller', sourceHealth], ['helm-controller', helmHealth]] as const) {
      await waitUntil(`${name} /readyz`, 120_000, processes, async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status === 200);
    }
  } catch (error) {
    const logs = processes.map((p) => `--- ${p.name}\n${tail(p.logFile)}`).join('\n');
    await stop();
    throw new Error(`${(error as Error).message}\n${logs}`);
  }
  return { log: (controller) => tail(join(plane.dir, `${controller}.log`)), stop };
}

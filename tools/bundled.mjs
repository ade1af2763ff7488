// node tools/bundled.mjs tools/<entry>.ts [args…]: runs a TypeScript entry point as one plain
// JavaScript bundle (.bundle/<entry>.mjs, made by esbuild), so a run skips the TypeScript loader. The
// bundle's stamp lists every file esbuild read with its sha256 (and this file's own); when one
// differs the bundle is rebuilt before it runs, so a stale bundle cannot run. Packages are bundled too
// (loading them one file at a time cost more than the generator's own work), except
// json-schema-to-typescript, which the generator imports only when the schema changed. A --catalog module written in TypeScript needs the loader: then the
// entry runs from source through tsx.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = dirname(dirname(self));
const [entry, ...args] = process.argv.slice(2);
if (!entry) throw new Error('usage: node tools/bundled.mjs tools/<entry>.ts [args…]');
const name = basename(entry, '.ts');
const bundle = join(root, '.bundle', `${name}.mjs`);
const stampFile = join(root, '.bundle', `${name}.inputs.json`);
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

function isFresh() {
  if (!existsSync(stampFile) || !existsSync(bundle)) return false;
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  return Object.entries(stamp).every(([file, sum]) => existsSync(join(root, file)) && sha256(join(root, file)) === sum);
}

async function rebuild() {
  const { build } = await import('esbuild');
  const unique = `${bundle}.${process.pid}`;
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: unique,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['json-schema-to-typescript'],
    // Bundled CommonJS packages require Node's built-ins; an ES module has no require of its own.
    banner: { js: "import { createRequire as __bundledRequire } from 'node:module'; const require = __bundledRequire(import.meta.url);" },
    metafile: true,
    logLevel: 'error',
  });
  const inputs = [...Object.keys(result.metafile.inputs), relative(root, self)];
  const stamp = Object.fromEntries(inputs.sort().map((file) => [file, sha256(join(root, file))]));
  // Renamed into place, bundle first: a concurrent run sees the old pair, a mismatch or the new pair.
  stamp[relative(root, bundle)] = sha256(unique);
  renameSync(unique, bundle);
  writeFileSync(`${stampFile}.${process.pid}`, `${JSON.stringify(stamp, null, 2)}\n`);
  renameSync(`${stampFile}.${process.pid}`, stampFile);
}

const catalog = args.indexOf('--catalog');
process.argv = [process.argv[0], join(root, entry), ...args];
if (catalog >= 0 && /\.[cm]?ts$/.test(args[catalog + 1] ?? '')) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, entry)).href);
} else {
  mkdirSync(dirname(bundle), { recursive: true });
  if (!isFresh()) await rebuild();
  await import(pathToFileURL(bundle).href);
}

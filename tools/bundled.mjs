// node tools/bundled.mjs tools/<entry>.ts [args…]: runs a TypeScript entry point as one plain
// JavaScript bundle (.bundle/<entry>.mjs, made by esbuild), so a run skips the TypeScript loader:
// `npm run generate`, `verify:generated` and `release` run this way (tsx took 1.5 s of CPU to start
// the release CLI). The bundle's stamp lists every file the build read, with the sha256 of the very
// bytes it read (and this file's own); when one differs the bundle is rebuilt before it runs, so a
// stale bundle cannot run (contents are compared, not modification times, which copies and checkouts
// carry over).
// Packages are bundled too (loading them one file at a time cost more than the generator's own work),
// except json-schema-to-typescript, which the generator imports only when the schema changed. The
// catalog's ajv validators are compiled when the bundle is built (precompiledValidators). A --catalog
// module written in TypeScript needs the loader: then the entry runs from source through tsx.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = dirname(dirname(self));
const [entry, ...args] = process.argv.slice(2);
if (!entry) throw new Error('usage: node tools/bundled.mjs tools/<entry>.ts [args…]');
// tools/release/cli.ts → release-cli
const name = relative('tools', entry).replace(/\.ts$/, '').replaceAll('/', '-');
const bundle = join(root, '.bundle', `${name}.mjs`);
const stampFile = join(root, '.bundle', `${name}.inputs.json`);
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Reads `file` (from `path` when given) and records the sha256 of the bytes read in `stamp`. */
function readRecorded(file, stamp, path = join(root, file)) {
  const bytes = readFileSync(path);
  stamp[file] = sha256(bytes);
  return bytes;
}

function isFresh() {
  if (!existsSync(stampFile) || !existsSync(bundle)) return false;
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  return Object.entries(stamp).every(([file, sum]) => existsSync(join(root, file)) && sha256(readFileSync(join(root, file))) === sum);
}

/**
 * An esbuild plugin that loads every file itself and records the sha256 of exactly the bytes the build
 * read (hashing afterwards could record an edit made during the build as built).
 */
const recordingReads = (stamp) => ({
  name: 'recording-reads',
  setup(bundler) {
    bundler.onLoad({ filter: /.*/, namespace: 'file' }, (args) => ({ contents: readRecorded(relative(root, args.path), stamp), loader: 'default' }));
  },
});

// packages/catalog/src/catalog/validators.ts compiles its ajv validators when first used; in a bundle
// that imports it, it becomes ajv's standalone code for the same schemas and options, made while
// bundling, so a run compiles nothing. The files that code was made from go into the stamp.
const precompiledValidators = (build, stamp) => ({
  name: 'precompiled-validators',
  setup(bundler) {
    const source = 'packages/catalog/src/catalog/validators.ts';
    bundler.onLoad({ filter: /[\\/]validators\.ts$/ }, async (args) => {
      if (relative(root, args.path) !== source) return undefined;
      const unique = join(root, '.bundle', `validators.${process.pid}.mjs`);
      await build({ absWorkingDir: root, entryPoints: [source], outfile: unique, bundle: true, packages: 'external', platform: 'node', format: 'esm', plugins: [recordingReads(stamp)], logLevel: 'error' });
      let schemas;
      try {
        schemas = await import(pathToFileURL(unique).href);
      } finally {
        rmSync(unique, { force: true });
      }
      readRecorded('node_modules/ajv/package.json', stamp); // the code below is made by this ajv
      const { Ajv } = await import('ajv');
      const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
      const ajv = new Ajv({ ...schemas.ajvOptions, code: { source: true, esm: true } });
      const { credential, model, rules } = schemas.validatorSchemas();
      const exports = { credential, model, ...Object.fromEntries(rules.map((rule, index) => [`rule${index}`, rule])) };
      for (const [key, schema] of Object.entries(exports)) ajv.addSchema(schema, key);
      const code = standaloneCode(ajv, Object.fromEntries(Object.keys(exports).map((key) => [key, key])));
      const list = rules.map((_, index) => `rule${index}`).join(', ');
      return { contents: `${code}\nexport const compileValidators = () => ({ credential, model, rules: [${list}] });\n`, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
});

async function rebuild() {
  const { build } = await import('esbuild');
  const stamp = {};
  readRecorded(relative(root, self), stamp);
  const unique = `${bundle}.${process.pid}`;
  await build({
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
    plugins: [precompiledValidators(build, stamp), recordingReads(stamp)],
    logLevel: 'error',
  });
  // What esbuild read without loading it: each input's package.json (exports, sideEffects, type) and
  // the TypeScript configs.
  const configs = new Set(['package.json', 'tsconfig.json', 'tsconfig.base.json']);
  for (const file of Object.keys(stamp)) {
    let dir = dirname(join(root, file));
    while (dir.startsWith(root) && !existsSync(join(dir, 'package.json'))) dir = dirname(dir);
    configs.add(relative(root, join(dir, 'package.json')));
  }
  for (const file of configs) if (existsSync(join(root, file))) readRecorded(file, stamp);
  readRecorded(relative(root, bundle), stamp, unique);
  // Renamed into place, bundle first: a concurrent run sees the old pair, a mismatch or the new pair.
  renameSync(unique, bundle);
  const sorted = Object.fromEntries(Object.keys(stamp).sort().map((file) => [file, stamp[file]]));
  writeFileSync(`${stampFile}.${process.pid}`, `${JSON.stringify(sorted, null, 2)}\n`);
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

// A virtual Nx workspace holding a copy of the real catalog source and generated files, and helpers
// to compare every file of a Tree before and after a generator ran.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { generatedPaths } from '@litellm-stack/catalog';
import { logger, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { vi } from 'vitest';
import { repoRoot } from '../../../../tools/helm.ts';
import { catalogDir } from '../../src/lib/catalog-source.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(posix.join(dir, entry.name)) : [posix.join(dir, entry.name)],
  );
}

/** Workspace paths of the catalog source and of the files generated from it. */
export const catalogFiles = [...filesUnder(catalogDir), ...Object.values(generatedPaths)];

export const readRepoFile = (path: string) => readFileSync(join(repoRoot, path), 'utf8');

export function catalogTree(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  for (const path of catalogFiles) tree.write(path, readRepoFile(path));
  return tree;
}

/** A fresh catalog tree for one test, and the lines the generator logs (logger.info, captured). */
export function freshCatalogTree(): { tree: Tree; logged: string[] } {
  const logged: string[] = [];
  vi.spyOn(logger, 'info').mockImplementation((message) => void logged.push(String(message)));
  return { tree: catalogTree(), logged };
}

/** Every file of the tree and its content. */
export function treeFiles(tree: Tree, dir = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of tree.children(dir)) {
    const path = dir ? posix.join(dir, name) : name;
    if (tree.isFile(path)) files.set(path, tree.read(path, 'utf-8')!);
    else for (const [child, content] of treeFiles(tree, path)) files.set(child, content);
  }
  return files;
}

/** Files whose content differs between two snapshots (added, removed or changed). */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => before.get(path) !== after.get(path)).sort();
}

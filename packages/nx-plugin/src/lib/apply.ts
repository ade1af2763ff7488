// The one way a generator changes the workspace: the next catalog is validated by the catalog's own
// validateCatalog first, and only a valid one is written, with the files generated from it. A thrown
// error leaves the Tree untouched, and Nx writes nothing.
import { generateFiles, validateCatalog, type Catalog, type CatalogIssue } from '@litellm-stack/catalog';
import { logger, type Tree } from '@nx/devkit';
import type { FileChanges, ReadFile } from './catalog-source.ts';
import { unifiedDiff } from './diff.ts';

export function treeReader(tree: Tree): ReadFile {
  return (path) => tree.read(path, 'utf-8') ?? undefined;
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/**
 * The generator option that sets the field an issue is about, for issues of the entry being added
 * (`entry` is its values path, e.g. `models.gpt-5-3`). `options` renames fields whose option differs.
 */
export function optionFor(issue: CatalogIssue, entry: string, options: Record<string, string> = {}): string | undefined {
  if (!issue.path.startsWith(`${entry}.`)) return undefined;
  const [first, second] = issue.path.slice(entry.length + 1).split('.');
  const field = first === 'info' && second !== undefined ? second : first!;
  return `--${options[field] ?? kebab(field)}`;
}

/** Throws, listing every issue (with the option to change, for the new entry's), when `catalog` is invalid. */
export function assertCatalog(catalog: Catalog, entry: string, options: Record<string, string> = {}): void {
  const issues = validateCatalog(catalog);
  if (issues.length === 0) return;
  const lines = issues.map((issue) => {
    const option = optionFor(issue, entry, options);
    return `  ${issue.path}${option ? ` (${option})` : ''}: ${issue.message}`;
  });
  throw new Error(`nothing was changed: the catalog would have ${issues.length} error${issues.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
}

/**
 * Writes the source changes, showing each as a diff, and regenerates values.yaml, values.schema.json
 * and the values types.
 */
export async function writeCatalog(tree: Tree, catalog: Catalog, changes: FileChanges): Promise<void> {
  const generated = await generateFiles(catalog);
  for (const [path, content] of changes) {
    logger.info(unifiedDiff(path, tree.read(path, 'utf-8') ?? undefined, content));
    tree.write(path, content);
  }
  for (const file of generated) tree.write(file.path, file.content);
}

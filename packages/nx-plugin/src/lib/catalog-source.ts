// Where the catalog lives in the workspace and how its source files change. The catalog is read back
// out of the files' literals (not imported), so a generator sees exactly what the Tree holds.
import { posix } from 'node:path';
import type { Catalog, Credential, ModelDeployment } from '@litellm-stack/catalog';
import ts from 'typescript';
import { evaluateLiteral, printEntry, type Literal } from './literal.ts';
import { addImport, appendElement, elementId, exportedArray, namedImports, parse, removeElement } from './source-edit.ts';

export const catalogDir = 'packages/catalog/src/catalog';
export const credentialsPath = `${catalogDir}/credentials.ts`;
export const modelsIndexPath = `${catalogDir}/models/index.ts`;
/** One file of models per credential, named by its id. */
export const modelsPath = (credentialId: string) => `${catalogDir}/models/${credentialId}.ts`;

/** Reads a workspace file; undefined when it does not exist. */
export type ReadFile = (path: string) => string | undefined;
/** New contents of the files a change touches, by workspace path. */
export type FileChanges = Map<string, string>;

function mustRead(read: ReadFile, path: string): string {
  const text = read(path);
  if (text === undefined) throw new Error(`${path} does not exist: the catalog generators edit the catalog source under ${catalogDir}`);
  return text;
}

function entries(path: string, text: string, arrayName: string): Record<string, Literal>[] {
  const array = exportedArray(parse(path, text), arrayName);
  return array.elements.map((element) => {
    const value = evaluateLiteral(element);
    if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${path}: every element of \`${arrayName}\` must be an object literal`);
    return value;
  });
}

export interface CatalogSource {
  catalog: Catalog;
  /** Where each model is written: its file and the exported array holding it. */
  modelPlace: Map<string, { path: string; array: string }>;
}

/** The catalog the source files hold: credentials.ts, and models/index.ts with the files it spreads. */
export function readCatalog(read: ReadFile): CatalogSource {
  const credentials = entries(credentialsPath, mustRead(read, credentialsPath), 'credentials') as unknown as Credential[];
  const indexText = mustRead(read, modelsIndexPath);
  const index = parse(modelsIndexPath, indexText);
  const imports = new Map(namedImports(index).map((binding) => [binding.local, binding]));
  const models: ModelDeployment[] = [];
  const modelPlace = new Map<string, { path: string; array: string }>();
  for (const element of exportedArray(index, 'models').elements) {
    let place = { path: modelsIndexPath, array: 'models' };
    let found: Record<string, Literal>[];
    if (ts.isSpreadElement(element)) {
      const binding = ts.isIdentifier(element.expression) ? imports.get(element.expression.text) : undefined;
      if (!binding?.specifier.startsWith('.')) {
        throw new Error(`${modelsIndexPath}: \`${element.getText()}\` must spread the \`models\` of a file imported from ./<credential>.ts`);
      }
      place = { path: posix.join(posix.dirname(modelsIndexPath), binding.specifier), array: binding.imported };
      found = entries(place.path, mustRead(read, place.path), place.array);
    } else {
      found = [evaluateLiteral(element) as Record<string, Literal>];
    }
    for (const model of found as unknown as ModelDeployment[]) {
      models.push(model);
      modelPlace.set(model.id, place);
    }
  }
  return { catalog: { credentials, models }, modelPlace };
}

/** A JS identifier for a credential's models import: `azure_us-east` → `azureUsEast`. */
export function importName(credentialId: string): string {
  const name = credentialId
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part, index) => (index === 0 ? part : part[0]!.toUpperCase() + part.slice(1)))
    .join('');
  return /^[A-Za-z_]/.test(name) ? name : `_${name}`;
}

export const emptyModelsFile = "import type { ModelDeployment } from '../types.ts';\n\nexport const models: ModelDeployment[] = [];\n";

/**
 * Makes sure models/<credential>.ts exists and models/index.ts imports and spreads it (a new
 * credential's file, or one a user left out of the index).
 */
function withModelsFile(read: ReadFile, changes: FileChanges, credentialId: string): void {
  const path = modelsPath(credentialId);
  if (read(path) === undefined) changes.set(path, emptyModelsFile);
  const indexText = changes.get(modelsIndexPath) ?? mustRead(read, modelsIndexPath);
  const specifier = `./${posix.basename(path)}`;
  const index = parse(modelsIndexPath, indexText);
  if (namedImports(index).some((binding) => binding.specifier === specifier)) return;
  const local = importName(credentialId);
  if (namedImports(index).some((binding) => binding.local === local)) {
    throw new Error(`${modelsIndexPath} already imports a binding named ${local}; rename it to import ${specifier}`);
  }
  const imported = addImport(modelsIndexPath, indexText, { local, imported: 'models', specifier });
  changes.set(modelsIndexPath, appendElement(modelsIndexPath, imported, 'models', () => `...${local}`));
}

/** Overlays pending changes on a file reader. */
export function withChanges(read: ReadFile, changes: FileChanges): ReadFile {
  return (path) => changes.get(path) ?? read(path);
}

/** The source changes that add a model: its entry in models/<credential>.ts. */
export function addModelChanges(read: ReadFile, model: ModelDeployment): FileChanges {
  const changes: FileChanges = new Map();
  withModelsFile(read, changes, model.credential);
  const path = modelsPath(model.credential);
  const text = mustRead(withChanges(read, changes), path);
  changes.set(path, appendElement(path, text, 'models', (indent) => printEntry(model as unknown as Record<string, Literal>, indent)));
  return changes;
}

/** The source changes that add a credential: its entry in credentials.ts, and its (empty) models file. */
export function addCredentialChanges(read: ReadFile, credential: Credential): FileChanges {
  const changes: FileChanges = new Map();
  const text = mustRead(read, credentialsPath);
  changes.set(credentialsPath, appendElement(credentialsPath, text, 'credentials', (indent) => printEntry(credential as unknown as Record<string, Literal>, indent)));
  withModelsFile(read, changes, credential.id);
  return changes;
}

/** The source change that removes a model: its entry, from the file that holds it. */
export function removeModelChanges(read: ReadFile, source: CatalogSource, id: string): FileChanges {
  const place = source.modelPlace.get(id);
  if (place === undefined) {
    throw new Error(`models.${id}: no such model; known: ${source.catalog.models.map((model) => model.id).join(', ')}`);
  }
  const text = removeElement(place.path, mustRead(read, place.path), place.array, (element) => elementId(element) === id);
  if (text === undefined) throw new Error(`${place.path}: no entry with a literal \`id: '${id}'\` to remove`);
  return new Map([[place.path, text]]);
}

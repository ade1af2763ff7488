// Text edits of a TypeScript file located with the compiler's AST, so everything outside the edited
// span (order, comments, formatting) stays byte for byte as it was.
import ts from 'typescript';
import { unwrap } from './literal.ts';

export function parse(fileName: string, text: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** The array literal that `export const <name> = [...]` is initialised with. */
export function exportedArray(file: ts.SourceFile, name: string): ts.ArrayLiteralExpression {
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    if (!statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name || !declaration.initializer) continue;
      const initializer = unwrap(declaration.initializer);
      if (ts.isArrayLiteralExpression(initializer)) return initializer;
    }
  }
  throw new Error(`${file.fileName}: no \`export const ${name} = [...]\` array literal; the catalog generators edit that array`);
}

function lineIndent(file: ts.SourceFile, position: number): string {
  const { line } = file.getLineAndCharacterOfPosition(position);
  const start = file.getPositionOfLineAndCharacter(line, 0);
  return /^[ \t]*/.exec(file.text.slice(start))![0];
}

/** Indentation of the array's elements: that of its first element, else one level (2 spaces) in. */
export function elementIndent(file: ts.SourceFile, array: ts.ArrayLiteralExpression): string {
  const first = array.elements[0];
  return first ? lineIndent(file, first.getStart(file)) : `${lineIndent(file, array.getStart(file))}  `;
}

/** Start of the first token at or after `position` (skipping whitespace and comments). */
function nextToken(text: string, position: number): number {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  scanner.resetTokenState(position);
  scanner.scan();
  return scanner.getTokenStart();
}

/** End of the comments that follow `position` on the same line (`position` when there are none). */
function endOfLineComments(text: string, position: number): number {
  return ts.getTrailingCommentRanges(text, position)?.at(-1)?.end ?? position;
}

type Splice = { start: number; end: number; text: string };
const splice = (text: string, { start, end, text: inserted }: Splice) => text.slice(0, start) + inserted + text.slice(end);

/**
 * Appends an element (given the element indent, returns its text) at the end of an exported array,
 * after the last element's comma, on its own line. Comments after the last element stay after it.
 */
export function appendElement(fileName: string, text: string, arrayName: string, element: (indent: string) => string): string {
  const file = parse(fileName, text);
  const array = exportedArray(file, arrayName);
  const indent = elementIndent(file, array);
  const last = array.elements[array.elements.length - 1];
  if (!last) {
    // `[]` becomes a multi-line array; anything inside it (a comment) stays after the new element.
    const open = array.getStart(file) + 1;
    const inner = text.slice(open, array.getEnd() - 1);
    const rest = inner.trim() === '' ? `\n${lineIndent(file, array.getStart(file))}` : inner;
    return splice(text, { start: open, end: array.getEnd() - 1, text: `\n${indent}${element(indent)},${rest}` });
  }
  // After the last element's comma and any comment on the same line, which belong to that element.
  const comma = array.elements.hasTrailingComma ? nextToken(text, last.getEnd()) : undefined;
  const at = endOfLineComments(text, comma === undefined ? last.getEnd() : comma + 1);
  const edited = splice(text, { start: at, end: at, text: `\n${indent}${element(indent)},` });
  return comma === undefined ? splice(edited, { start: last.getEnd(), end: last.getEnd(), text: ',' }) : edited;
}

/**
 * Removes the first element matching `matches` from an exported array, with its leading comments and
 * its comma; an array left empty becomes `[]`. Undefined when no element matches.
 */
export function removeElement(fileName: string, text: string, arrayName: string, matches: (element: ts.Expression) => boolean): string | undefined {
  const file = parse(fileName, text);
  const array = exportedArray(file, arrayName);
  const index = array.elements.findIndex(matches);
  if (index < 0) return undefined;
  const element = array.elements[index]!;
  const previous = array.elements[index - 1];
  const commaAfter = index < array.elements.length - 1 || array.elements.hasTrailingComma;
  // An element's span starts where the previous comma ends (`pos` covers its leading comments) and
  // ends with its own comma and the comments on that line; the last element without a comma takes the
  // previous element's comma instead.
  const span = commaAfter
    ? { start: element.pos, end: endOfLineComments(text, nextToken(text, element.getEnd()) + 1) }
    : { start: previous ? nextToken(text, previous.getEnd()) : element.pos, end: endOfLineComments(text, element.getEnd()) };
  const edited = splice(text, { ...span, text: '' });
  const after = exportedArray(parse(fileName, edited), arrayName);
  const inner = edited.slice(after.getStart() + 1, after.getEnd() - 1);
  return after.elements.length === 0 && inner.trim() === '' ? splice(edited, { start: after.getStart(), end: after.getEnd(), text: '[]' }) : edited;
}

/** The `id` of an object-literal element, when it has a plain string one. */
export function elementId(element: ts.Expression): string | undefined {
  const node = unwrap(element);
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'id') {
      const value = unwrap(property.initializer);
      return ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value) ? value.text : undefined;
    }
  }
  return undefined;
}

export interface NamedImport {
  local: string;
  imported: string;
  specifier: string;
}

/** `import { a as b } from './x.ts'` bindings of a file (type-only imports excluded). */
export function namedImports(file: ts.SourceFile): NamedImport[] {
  const found: NamedImport[] = [];
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) continue;
    for (const element of clause.namedBindings.elements) {
      if (element.isTypeOnly) continue;
      found.push({ local: element.name.text, imported: (element.propertyName ?? element.name).text, specifier: statement.moduleSpecifier.text });
    }
  }
  return found;
}

/**
 * Adds `import { imported as local } from 'specifier';` among the file's relative value imports, at
 * the place that keeps them sorted by specifier (after the last import when they are not sorted).
 */
export function addImport(fileName: string, text: string, { local, imported, specifier }: NamedImport): string {
  const file = parse(fileName, text);
  const line = `import { ${imported === local ? local : `${imported} as ${local}`} } from '${specifier}';\n`;
  const imports = file.statements.filter(ts.isImportDeclaration);
  const relative = imports.filter((statement) => !statement.importClause?.isTypeOnly && (statement.moduleSpecifier as ts.StringLiteral).text.startsWith('.'));
  const specifiers = relative.map((statement) => (statement.moduleSpecifier as ts.StringLiteral).text);
  const sorted = specifiers.every((value, index) => index === 0 || specifiers[index - 1]! <= value);
  const before = sorted ? relative.find((statement) => (statement.moduleSpecifier as ts.StringLiteral).text > specifier) : undefined;
  if (before) {
    const start = before.getStart(file);
    return splice(text, { start, end: start, text: line });
  }
  const last = imports[imports.length - 1];
  if (!last) return line + text;
  return splice(text, { start: last.getEnd(), end: last.getEnd(), text: `\n${line.trimEnd()}` });
}

// The catalog source is data written as TypeScript literals. These functions read such literals out of
// the AST (no code is executed) and print new ones in the catalog's style: single quotes, 2-space
// indent, one top-level field a line, nested objects and lists inline, trailing commas.
import ts from 'typescript';

export type Literal = string | number | boolean | Literal[] | { [key: string]: Literal };

/** `file:line:col` of a node, for errors that point into the catalog source. */
export function where(node: ts.Node): string {
  const file = node.getSourceFile();
  const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
  return `${file.fileName}:${line + 1}:${character + 1}`;
}

function propertyName(name: ts.PropertyName): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  throw new Error(`${where(name)}: computed property names are not plain literals; the catalog generators read the catalog as data`);
}

/** Skips wrappers that do not change the value: `(…)`, `… as T`, `… satisfies T`, `…!`. */
export function unwrap(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node)) {
    node = node.expression;
  }
  return node;
}

/** The value of a plain literal expression; anything computed is an error naming its place. */
export function evaluateLiteral(expression: ts.Expression): Literal {
  const node = unwrap(expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
    return -Number(node.operand.text);
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isArrayLiteralExpression(node)) return node.elements.map(evaluateLiteral);
  if (ts.isObjectLiteralExpression(node)) {
    const object: Record<string, Literal> = {};
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property)) {
        throw new Error(`${where(property)}: only \`key: value\` properties are plain literals; the catalog generators read the catalog as data`);
      }
      object[propertyName(property.name)] = evaluateLiteral(property.initializer);
    }
    return object;
  }
  throw new Error(`${where(node)}: \`${node.getText()}\` is not a plain literal; the catalog generators read the catalog as data`);
}

export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

function printKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
}

/** A value on one line: `{ a: 'x', b: [1, 2] }`. */
export function printInline(value: Literal): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${value} is not a number the catalog can hold`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(printInline).join(', ')}]`;
  const entries = Object.entries(value);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([key, item]) => `${printKey(key)}: ${printInline(item)}`).join(', ')} }`;
}

/** A catalog entry: one top-level field a line at `indent` + 2 spaces, closed at `indent`. */
export function printEntry(entry: Record<string, Literal>, indent: string): string {
  const fields = Object.entries(entry).map(([key, value]) => `${indent}  ${printKey(key)}: ${printInline(value)},\n`);
  return `{\n${fields.join('')}${indent}}`;
}

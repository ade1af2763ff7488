import { describe, expect, it } from 'vitest';
import { addImport, appendElement, exportedArray, parse, removeElement } from './source-edit.ts';
import ts from 'typescript';

const append = (text: string) => appendElement('x.ts', text, 'xs', (indent) => `{\n${indent}  id: 'new',\n${indent}}`);
const remove = (text: string, id: string) => removeElement('x.ts', text, 'xs', (element) => element.getText().includes(`'${id}'`));

describe('appendElement', () => {
  it('adds after the trailing comma of the last element', () => {
    expect(append("export const xs = [\n  { id: 'a' },\n];\n")).toBe("export const xs = [\n  { id: 'a' },\n  {\n    id: 'new',\n  },\n];\n");
  });

  it('adds the missing comma when the last element has none', () => {
    expect(append("export const xs = [\n  { id: 'a' }\n];\n")).toBe("export const xs = [\n  { id: 'a' },\n  {\n    id: 'new',\n  },\n];\n");
  });

  it('keeps the last element\'s same-line comment with it, and the file\'s other comments in place', () => {
    const text = "// head\nexport const xs = [\n  // first\n  { id: 'a' }, // a's\n  // more to come\n];\n";
    expect(append(text)).toBe("// head\nexport const xs = [\n  // first\n  { id: 'a' }, // a's\n  {\n    id: 'new',\n  },\n  // more to come\n];\n");
  });

  it('keeps a same-line comment with a last element that has no comma', () => {
    expect(append("export const xs = [\n  { id: 'a' } // a's\n];\n")).toBe("export const xs = [\n  { id: 'a' }, // a's\n  {\n    id: 'new',\n  },\n];\n");
  });

  it('opens an empty array', () => {
    expect(append('export const xs: X[] = [];\n')).toBe("export const xs: X[] = [\n  {\n    id: 'new',\n  },\n];\n");
  });

  it('keeps a comment inside an empty array after the new element', () => {
    expect(append('export const xs = [\n  // none yet\n];\n')).toBe("export const xs = [\n  {\n    id: 'new',\n  },\n  // none yet\n];\n");
  });

  it('follows the file\'s indentation', () => {
    expect(append("export const xs = [\n    { id: 'a' },\n];\n")).toBe("export const xs = [\n    { id: 'a' },\n    {\n      id: 'new',\n    },\n];\n");
  });

  it('names the file and array it could not find', () => {
    expect(() => append('const xs = [];\n')).toThrow('x.ts: no `export const xs = [...]` array literal; the catalog generators edit that array');
  });
});

describe('removeElement', () => {
  const three = "export const xs = [\n  // about a\n  { id: 'a' },\n  { id: 'b' },\n  { id: 'c' },\n];\n";

  it.each([
    ['a', "export const xs = [\n  { id: 'b' },\n  { id: 'c' },\n];\n"],
    ['b', "export const xs = [\n  // about a\n  { id: 'a' },\n  { id: 'c' },\n];\n"],
    ['c', "export const xs = [\n  // about a\n  { id: 'a' },\n  { id: 'b' },\n];\n"],
  ])('removes %s with its leading comments and comma', (id, expected) => expect(remove(three, id)).toBe(expected));

  it('removes the comment on the removed element\'s line', () => {
    expect(remove("export const xs = [\n  { id: 'a' }, // a's\n  { id: 'b' }, // b's\n];\n", 'a')).toBe("export const xs = [\n  { id: 'b' }, // b's\n];\n");
  });

  it('removes a last element without a trailing comma, and the comma before it', () => {
    expect(remove("export const xs = [\n  { id: 'a' },\n  { id: 'b' }\n];\n", 'b')).toBe("export const xs = [\n  { id: 'a' }\n];\n");
  });

  it('leaves `[]` when the array is emptied', () => {
    expect(remove("export const xs = [\n  { id: 'a' },\n];\n", 'a')).toBe('export const xs = [];\n');
  });

  it('is undefined when nothing matches', () => {
    expect(remove(three, 'z')).toBeUndefined();
  });
});

describe('addImport', () => {
  const binding = { local: 'bModels', imported: 'models', specifier: './b.ts' };

  it('keeps sorted relative imports sorted', () => {
    const text = "import type { T } from '../types.ts';\nimport { models as a } from './a.ts';\nimport { models as c } from './c.ts';\n\nexport const xs = [];\n";
    expect(addImport('x.ts', text, binding)).toBe(
      "import type { T } from '../types.ts';\nimport { models as a } from './a.ts';\nimport { models as bModels } from './b.ts';\nimport { models as c } from './c.ts';\n\nexport const xs = [];\n",
    );
  });

  it('goes after the last import when they are not sorted', () => {
    const text = "import { models as c } from './c.ts';\nimport { models as a } from './a.ts';\n\nexport const xs = [];\n";
    expect(addImport('x.ts', text, binding)).toBe(
      "import { models as c } from './c.ts';\nimport { models as a } from './a.ts';\nimport { models as bModels } from './b.ts';\n\nexport const xs = [];\n",
    );
  });

  it('goes first in a file without imports', () => {
    expect(addImport('x.ts', 'export const xs = [];\n', { local: 'models', imported: 'models', specifier: './b.ts' })).toBe(
      "import { models } from './b.ts';\nexport const xs = [];\n",
    );
  });
});

it('exportedArray sees through `as` and `satisfies`', () => {
  const file = parse('x.ts', 'export const xs = [1] as const satisfies readonly number[];\n');
  expect(ts.isArrayLiteralExpression(exportedArray(file, 'xs'))).toBe(true);
});

import { describe, expect, it } from 'vitest';
import { evaluateLiteral, printEntry, printInline, type Literal } from './literal.ts';
import { exportedArray, parse } from './source-edit.ts';

const valueOf = (source: string) => evaluateLiteral(exportedArray(parse('x.ts', `export const a = [${source}];`), 'a').elements[0]!);

describe('evaluateLiteral', () => {
  it.each([
    ["'it\\'s'", "it's"],
    ['`plain`', 'plain'],
    ['1.5', 1.5],
    ['-3', -3],
    ['true', true],
    ['false', false],
    ["['a', 1]", ['a', 1]],
    ["{ a: 1, 'b-c': { d: [true] }, 2: 'x' }", { a: 1, 'b-c': { d: [true] }, 2: 'x' }],
    ["({ a: 1 } as const)", { a: 1 }],
    ["{ a: 1 } satisfies object", { a: 1 }],
  ])('reads %s', (source, value) => expect(valueOf(source)).toEqual(value));

  it.each([
    ['{ ...other }', /x\.ts:1:21: only `key: value` properties are plain literals/],
    ['{ [key]: 1 }', /x\.ts:1:21: computed property names are not plain literals/],
    ['{ a: someVariable }', /x\.ts:1:24: `someVariable` is not a plain literal/],
    ['`t${x}`', /x\.ts:1:19: `\`t\$\{x\}\`` is not a plain literal/],
    ['1 + 1', /x\.ts:1:19: `1 \+ 1` is not a plain literal/],
  ])('refuses %s, naming the place', (source, message) => expect(() => valueOf(source)).toThrow(message));
});

describe('printing', () => {
  it('prints nested values on one line in the catalog\'s style', () => {
    expect(printInline({ mode: 'chat', groups: ['a', 'b'], n: 2, ok: true, 'input-type': 'x', empty: {} })).toBe(
      "{ mode: 'chat', groups: ['a', 'b'], n: 2, ok: true, 'input-type': 'x', empty: {} }",
    );
  });

  it('prints an entry one field a line, at the given indent, with trailing commas', () => {
    expect(printEntry({ id: 'a', info: { mode: 'chat' } }, '  ')).toBe("{\n    id: 'a',\n    info: { mode: 'chat' },\n  }");
  });

  it.each([["it's \\ a\nb"], ['plain']])('escapes %j so it reads back the same', (text) => {
    expect(valueOf(printInline(text))).toBe(text);
  });

  it('round-trips an entry through print and read', () => {
    const entry: Record<string, Literal> = { id: 'x', rpm: 250, timeout: 0.5, params: { input_type: 'text', n: -1, b: false }, info: { mode: 'chat', accessGroups: ['a'] } };
    expect(valueOf(printEntry(entry, ''))).toEqual(entry);
  });

  it('refuses a number the source cannot hold', () => {
    expect(() => printInline(Number.NaN)).toThrow('NaN is not a number the catalog can hold');
  });
});

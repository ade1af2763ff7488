// values.yaml: the defaults of the values spec, every key preceded by the comment that documents it.
// Written here rather than through the yaml library's Document: building and printing a commented
// Document took a fifth of `npm run generate`'s run. The tests check the output against the yaml
// library (the same bytes for the catalog; the same data, read as YAML 1.1 and 1.2, for any values).
import { describeFields, toDefault, type Group, type Json, type SpecNode } from '../values/spec.ts';

export const width = 98;

/** Word-wraps each paragraph; a `- ` bullet's continuation lines are indented under its text. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const hanging = paragraph.startsWith('- ') ? '  ' : '';
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = hanging + word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

/** The comment documenting a value: its description, allowed values, a map entry's fields. */
export function docOf(node: SpecNode): string {
  const allowed = node.kind === 'leaf' && node.schema?.enum ? `\nAllowed: ${node.schema.enum.join(', ')}.` : '';
  const fields = node.kind === 'map' ? `\nEach entry has:\n${describeFields(node.item).map((line) => `- ${line}`).join('\n')}` : '';
  return node.description + allowed + fields;
}

/** Comment lines at `indent`: `# text`, a blank line for an empty one. */
const comment = (text: string, indent: number) =>
  wrap(text, width - indent).map((line) => (line ? `${' '.repeat(indent)}# ${line}` : ''));

// Scalars YAML would read as something other than a string, in YAML 1.2 (the yaml library, LiteLLM's
// readers) or YAML 1.1 (Helm's parser: yes/no/on/off are booleans, dates are timestamps, 0755 is octal).
const nonString = [
  /^(~|null|Null|NULL)$/,
  /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])*)$/,
  /^[-+]?([0-9][0-9_]*)?\.?[0-9_]*([eE][-+]?[0-9]+)?$/,
  /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*$/,
  /^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt\s]|$)/,
  /^(<<|=)$/,
];

/**
 * A string as values.yaml writes it: plain where it can only be read back as this very string, and
 * otherwise JSON-quoted (a JSON string is a YAML double-quoted scalar), with the characters JSON leaves
 * alone but YAML does not print (DEL, C1 controls, the BOM) or YAML 1.1 folds as line breaks (NEL is
 * C1; LS, PS) escaped too.
 */
export function yamlString(text: string): string {
  const plain =
    /^(?![-?:,[\]{}#&*!|>'"%@`])[\x21-\x7e][\x20-\x7e]*$/.test(text) &&
    !/ $|: | #|:$/.test(text) &&
    !nonString.some((pattern) => pattern.test(text));
  if (plain) return text;
  return JSON.stringify(text).replace(/[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function scalar(value: Json): string {
  if (typeof value === 'string') return yamlString(value);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`values.yaml cannot hold the number ${value}`);
  return Object.is(value, -0) ? '-0' : String(value);
}

const isEmpty = (value: Json) => (Array.isArray(value) ? value.length === 0 : value !== null && typeof value === 'object' && Object.keys(value).length === 0);
const isCollection = (value: Json): value is Json[] | { [key: string]: Json } => value !== null && typeof value === 'object';

/** `value` after `key:` or `-`: inline when a scalar or empty, else on the lines that follow. */
function entry(prefix: string, value: Json, indent: number, out: string[]): void {
  if (!isCollection(value)) out.push(`${prefix} ${scalar(value)}`);
  else if (isEmpty(value)) out.push(`${prefix} ${Array.isArray(value) ? '[]' : '{}'}`);
  else {
    out.push(prefix);
    block(value, indent + 2, out);
  }
}

/** A non-empty collection in block style at `indent`; a sequence's items are indented under its key. */
function block(value: Json[] | { [key: string]: Json }, indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  if (!Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) entry(`${pad}${yamlString(key)}:`, child, indent, out);
    return;
  }
  for (const item of value) {
    if (!isCollection(item) || isEmpty(item)) {
      entry(`${pad}-`, item, indent, out);
      continue;
    }
    // A collection item starts on the dash's line: its first line moves up beside the dash.
    const lines: string[] = [];
    block(item, indent + 2, lines);
    out.push(`${pad}- ${lines[0]!.slice(indent + 2)}`, ...lines.slice(1));
  }
}

/** A group's keys with the comment documenting each; top-level keys and map entries set apart by a blank line. */
function group(value: { [key: string]: Json }, node: Group, indent: number, out: string[]): void {
  Object.entries(value).forEach(([key, child], index) => {
    const spec = node.properties[key];
    if (indent === 0 && index > 0) out.push('');
    if (spec) out.push(...comment(docOf(spec), indent));
    const prefix = `${' '.repeat(indent)}${yamlString(key)}:`;
    if (spec?.kind === 'group' && isCollection(child) && !Array.isArray(child) && !isEmpty(child)) {
      out.push(prefix);
      group(child, spec, indent + 2, out);
    } else if (spec?.kind === 'map' && isCollection(child) && !Array.isArray(child) && !isEmpty(child)) {
      // Entries carry their own `description`; a blank line between them is all they need.
      out.push(prefix);
      Object.entries(child).forEach(([id, item], entryIndex) => {
        if (entryIndex > 0) out.push('');
        entry(`${' '.repeat(indent + 2)}${yamlString(id)}:`, item, indent + 2, out);
      });
    } else entry(prefix, child, indent, out);
  });
}

/** What `helm show values` opens with: written for the chart's users; the maintainers' note comes last. */
export const valuesYamlHeader = [
  'litellm-stack: the LiteLLM proxy with its whole stack. Every value is documented where it is defined below, and values.schema.json refuses unknown keys and broken rules at install. Start with the quick start (`helm show readme oci://ghcr.io/litellm-stack/charts/litellm-stack`) and put only what you change in your values file: credentials and models are maps keyed by id, so `credentials.<id>.enabled: true` turns one credential and its models on, and `models.<id>.enabled: false` turns one model off.',
  '',
  'This file is generated from the typed catalog of the source repository (`npm run generate`).',
].join('\n');

export function renderValuesYaml(spec: Group, header: string = valuesYamlHeader): string {
  const out = [...comment(header, 0), ''];
  group(toDefault(spec) as { [key: string]: Json }, spec, 0, out);
  return `${out.join('\n')}\n`;
}

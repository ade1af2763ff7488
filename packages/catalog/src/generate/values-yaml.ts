// values.yaml: the defaults of the values spec, every key preceded by the comment that documents it.
import { Document, isMap, isScalar, type Pair, type YAMLMap } from 'yaml';
import { describeFields, toDefault, type Group, type SpecNode } from '../values/spec.ts';

const width = 98;

/** Word-wraps each paragraph; a `- ` bullet's continuation lines are indented under its text. */
function wrap(text: string, width: number): string[] {
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

function docOf(node: SpecNode): string {
  const allowed = node.kind === 'leaf' && node.schema?.enum ? `\nAllowed: ${node.schema.enum.join(', ')}.` : '';
  const fields = node.kind === 'map' ? `\nEach entry has:\n${describeFields(node.item).map((line) => `- ${line}`).join('\n')}` : '';
  return node.description + allowed + fields;
}

/** yaml comments: one leading space per line, as `# text`. */
const asComment = (text: string, indent: number) =>
  wrap(text, width - indent)
    .map((line) => (line ? ` ${line}` : ''))
    .join('\n');

function annotate(map: YAMLMap, node: Group, indent: number): void {
  map.items.forEach((pair: Pair, index) => {
    if (!isScalar(pair.key)) return;
    const child = node.properties[String(pair.key.value)];
    if (!child) return;
    pair.key.commentBefore = asComment(docOf(child), indent);
    if (indent === 0 && index > 0) pair.key.spaceBefore = true;
    if (child.kind === 'group' && isMap(pair.value)) annotate(pair.value, child, indent + 2);
    if (child.kind === 'map' && isMap(pair.value)) {
      // Entries carry their own `description`; a blank line between them is all they need.
      pair.value.items.forEach((entry: Pair, entryIndex) => {
        if (entryIndex > 0 && isScalar(entry.key)) entry.key.spaceBefore = true;
      });
    }
  });
}

/** What `helm show values` opens with: written for the chart's users; the maintainers' note comes last. */
export const valuesYamlHeader = [
  'litellm-stack: the LiteLLM proxy with its whole stack. Every value is documented where it is defined below, and values.schema.json refuses unknown keys and broken rules at install. Start with the quick start (`helm show readme oci://ghcr.io/litellm-stack/charts/litellm-stack`) and put only what you change in your values file: credentials and models are maps keyed by id, so `credentials.<id>.enabled: true` turns one credential and its models on, and `models.<id>.enabled: false` turns one model off.',
  '',
  'This file is generated from the typed catalog of the source repository (`npm run generate`).',
].join('\n');

export function renderValuesYaml(spec: Group, header: string = valuesYamlHeader): string {
  const doc = new Document(toDefault(spec));
  doc.commentBefore = asComment(header, 0);
  annotate(doc.contents as YAMLMap, spec, 0);
  return doc.toString({ lineWidth: 0, indentSeq: true });
}

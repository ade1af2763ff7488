// The fenced blocks of the project's markdown, with the marker directly above each: what the docs
// test runs (tests/docs/docs.spec.ts) and what the docs generator rewrites (tools/docs/outputs.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export type Marker =
  /** `<!-- illustrative: reason -->`: no test runs it, and the reason says why. */
  | { kind: 'illustrative'; reason: string }
  /** `<!-- output: id -->`: the body is written by the generator `id` from a real run. */
  | { kind: 'output'; id: string }
  /** `<!-- run-by: tests/…spec.ts -->`: needs servers the docs test does not start; that spec runs it. */
  | { kind: 'run-by'; spec: string };

export interface FencedBlock {
  /** Relative to the repository root. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  body: string;
  /** Indentation of the opening fence (blocks inside list items), removed from the body. */
  indent: string;
  marker?: Marker;
  /** Offsets of the body in the file, for rewriting it. */
  bodyStart: number;
  bodyEnd: number;
}

const markerPattern = /^\s*<!--\s*(illustrative|output|run-by):\s*(.*?)\s*-->\s*$/;

export function parseMarker(line: string | undefined): Marker | undefined {
  const match = line === undefined ? null : markerPattern.exec(line);
  if (!match) return undefined;
  if (match[1] === 'illustrative') return { kind: 'illustrative', reason: match[2]! };
  return match[1] === 'output' ? { kind: 'output', id: match[2]! } : { kind: 'run-by', spec: match[2]! };
}

/** Every fenced block (``` or ~~~, possibly indented) of one markdown text. */
export function fencedBlocks(file: string, text: string): FencedBlock[] {
  const lines = text.split('\n');
  const offsets: number[] = [];
  let offset = 0;
  for (const line of lines) {
    offsets.push(offset);
    offset += line.length + 1;
  }
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^`\s]*)/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    let end = i + 1;
    while (end < lines.length && !(lines[end]!.trim().startsWith(fence!) && lines[end]!.trim().replace(/[`~]/g, '') === '')) end++;
    if (end >= lines.length) throw new Error(`${file}:${i + 1}: fence is never closed`);
    const bodyLines = lines.slice(i + 1, end).map((line) => (line.startsWith(indent!) ? line.slice(indent!.length) : line.trimStart()));
    blocks.push({
      file,
      line: i + 1,
      lang: lang!,
      body: bodyLines.join('\n') + (bodyLines.length ? '\n' : ''),
      indent: indent!,
      marker: parseMarker(lines[i - 1]),
      bodyStart: offsets[i + 1]!,
      bodyEnd: offsets[end]!,
    });
    i = end;
  }
  return blocks;
}

const skipped = new Set(['node_modules', '.git', '.tools', '.venv', '.nx', 'dist', 'coverage', 'tmp']);

/** Every markdown file of the repository (any folder, so pages added later are covered), sorted. */
export function markdownFiles(root: string, dir = root): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skipped.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...markdownFiles(root, path));
    else if (entry.name.endsWith('.md')) found.push(relative(root, path));
  }
  return found.sort();
}

export function repoBlocks(root: string): FencedBlock[] {
  return markdownFiles(root).flatMap((file) => fencedBlocks(file, readFileSync(join(root, file), 'utf8')));
}

/** The blocks whose `run-by` marker names `spec` (a path relative to the root): what that spec must run. */
export function blocksRunBy(root: string, spec: string): FencedBlock[] {
  return repoBlocks(root).filter((block) => block.marker?.kind === 'run-by' && block.marker.spec === spec);
}

/** A block's body put back in its file at its indentation. */
export function replaceBody(text: string, block: FencedBlock, body: string): string {
  const indented = body.split('\n').map((line, i, all) => (line === '' && i === all.length - 1 ? '' : line ? block.indent + line : line)).join('\n');
  return text.slice(0, block.bodyStart) + indented + text.slice(block.bodyEnd);
}

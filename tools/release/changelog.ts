// The chart's CHANGELOG.md → Artifact Hub's `artifacthub.io/changes` annotation for one version.
// Format (Keep a Changelog): `## 0.2.0` (optionally `## [0.2.0] - 2026-01-31`), then `### Added`,
// `### Changed`, `### Deprecated`, `### Removed`, `### Fixed` or `### Security`, each with `- ` bullets.
import { stringify } from 'yaml';
import { ReleaseError } from './errors.ts';

export type ChangeKind = 'added' | 'changed' | 'deprecated' | 'removed' | 'fixed' | 'security';
export interface Change {
  kind: ChangeKind;
  description: string;
}

const kinds: Record<string, ChangeKind> = {
  added: 'added',
  changed: 'changed',
  deprecated: 'deprecated',
  removed: 'removed',
  fixed: 'fixed',
  security: 'security',
};

const versionHeading = /^##\s+\[?([^\]\s]+)\]?(?:\s+-\s+.*)?\s*$/;

/** The changes listed under `## <version>`; refuses a missing or empty section and unknown kinds. */
export function changesFor(changelog: string, version: string, file = 'CHANGELOG.md'): Change[] {
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((line) => versionHeading.exec(line)?.[1] === version);
  if (start === -1) throw new ReleaseError(`${file} has no section "## ${version}": describe the release there first`);
  const changes: Change[] = [];
  let kind: ChangeKind | undefined;
  for (const line of lines.slice(start + 1)) {
    if (/^##\s/.test(line)) break;
    const heading = /^###\s+(.+?)\s*$/.exec(line);
    if (heading) {
      kind = kinds[heading[1]!.toLowerCase()];
      if (!kind) throw new ReleaseError(`${file}, ## ${version}: unknown change kind "### ${heading[1]}" (use ${Object.keys(kinds).map((k) => k[0]!.toUpperCase() + k.slice(1)).join(', ')})`);
      continue;
    }
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    if (bullet) {
      if (!kind) throw new ReleaseError(`${file}, ## ${version}: a change must sit under a ### Added/Changed/… heading`);
      changes.push({ kind, description: bullet[1]!.trim() });
    } else if (/^\s+\S/.test(line) && changes.length > 0) {
      // A wrapped bullet continues the previous change.
      changes[changes.length - 1]!.description += ` ${line.trim()}`;
    }
  }
  if (changes.length === 0) throw new ReleaseError(`${file}, ## ${version} lists no changes`);
  return changes;
}

/** Artifact Hub wants the list as a YAML string inside the annotation. */
export const changesAnnotation = (changes: readonly Change[]) => stringify(changes, { lineWidth: 0 });

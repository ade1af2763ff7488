// The Chart.yaml that gets released: the committed one with the release version, appVersion and
// Artifact Hub annotations set. Comments and key order of the committed file are kept.
import { parse, parseDocument, stringify } from 'yaml';
import { ReleaseError } from './errors.ts';

export interface ChartMeta {
  name: string;
  version: string;
  appVersion: string;
  annotations: Record<string, string>;
}

export function readChartMeta(chartYaml: string): ChartMeta {
  const data = parse(chartYaml) as Partial<ChartMeta> | null;
  if (!data?.name || !data.version) throw new ReleaseError('Chart.yaml has no name or version');
  return { name: data.name, version: String(data.version), appVersion: String(data.appVersion ?? ''), annotations: data.annotations ?? {} };
}

export interface ImageRef {
  name: string;
  image: string;
}

/** The image the chart runs by default, from values.yaml (`image.repository:tag`, `@digest` when pinned). */
export function defaultImage(valuesYaml: string): { repository: string; tag: string; digest: string } {
  const values = parse(valuesYaml) as { image?: { repository?: string; tag?: string; digest?: string } } | null;
  const image = values?.image;
  if (!image?.repository || !image.tag) throw new ReleaseError('values.yaml has no image.repository and image.tag');
  return { repository: image.repository, tag: String(image.tag), digest: image.digest ?? '' };
}

export const imagesAnnotation = (images: readonly ImageRef[]) => stringify(images, { lineWidth: 0 });

export interface ReleaseChartFields {
  version: string;
  appVersion: string;
  /** Annotations to set (others in the committed file stay). */
  annotations: Record<string, string>;
}

export function releaseChartYaml(chartYaml: string, fields: ReleaseChartFields): string {
  const doc = parseDocument(chartYaml);
  if (doc.errors.length > 0) throw new ReleaseError(`Chart.yaml does not parse: ${doc.errors[0]!.message}`);
  doc.set('version', fields.version);
  doc.set('appVersion', fields.appVersion);
  for (const [key, value] of Object.entries(fields.annotations)) doc.setIn(['annotations', key], value);
  return doc.toString({ lineWidth: 0 });
}

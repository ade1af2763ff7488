// Reading Prometheus text exposition (what the proxy serves at /metrics/).

/** Names of the metric families declared with `# TYPE`. */
export function metricFamilies(exposition: string): Set<string> {
  return new Set([...exposition.matchAll(/^# TYPE (\S+) \S+$/gm)].map((match) => match[1]!));
}

function parseLabels(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((match) => [match[1]!, match[2]!]));
}

/** The samples of `name` whose labels include `labels`, with all their labels, in exposition order. */
export function samples(exposition: string, name: string, labels: Record<string, string> = {}): Array<{ labels: Record<string, string>; value: number }> {
  const found: Array<{ labels: Record<string, string>; value: number }> = [];
  for (const match of exposition.matchAll(/^(\w+)(?:\{(.*)\})? (\S+)$/gm)) {
    if (match[1] !== name) continue;
    const sample = parseLabels(match[2] ?? '');
    if (Object.entries(labels).every(([key, value]) => sample[key] === value)) found.push({ labels: sample, value: Number(match[3]) });
  }
  return found;
}

/** The sum of the samples of `name` whose labels include `labels`; undefined when none matches. */
export function sampleValue(exposition: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const values = samples(exposition, name, labels).map((sample) => sample.value);
  return values.length ? values.reduce((sum, value) => sum + value, 0) : undefined;
}

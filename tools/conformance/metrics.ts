// Reading Prometheus text exposition (what the proxy serves at /metrics/).

/** Names of the metric families declared with `# TYPE`. */
export function metricFamilies(exposition: string): Set<string> {
  return new Set([...exposition.matchAll(/^# TYPE (\S+) \S+$/gm)].map((match) => match[1]!));
}

function parseLabels(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((match) => [match[1]!, match[2]!]));
}

/** The values of the samples of `name` whose labels include `labels`, in exposition order. */
export function sampleValues(exposition: string, name: string, labels: Record<string, string> = {}): number[] {
  const values: number[] = [];
  for (const match of exposition.matchAll(/^(\w+)(?:\{(.*)\})? (\S+)$/gm)) {
    if (match[1] !== name) continue;
    const sample = parseLabels(match[2] ?? '');
    if (Object.entries(labels).every(([key, value]) => sample[key] === value)) values.push(Number(match[3]));
  }
  return values;
}

/** The sum of the samples of `name` whose labels include `labels`; undefined when none matches. */
export function sampleValue(exposition: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const values = sampleValues(exposition, name, labels);
  return values.length ? values.reduce((sum, value) => sum + value, 0) : undefined;
}

// Reproducible archives: every file in the chart archive gets one modification time (Helm 4 keeps the
// files' mtimes; Helm 3.17 stamps the current time and cannot be made reproducible). That time is
// SOURCE_DATE_EPOCH when set, else the time of the last commit that changed a file the archive
// holds: git pathspecs for the chart directory minus what .helmignore drops (ci/, CHANGELOG.md, …),
// so a commit that only adds a changelog section for the next version leaves this one's archive alone.

/** Git pathspecs selecting the chart's packaged files. */
export function chartPathspecs(chartDir: string, helmignore: string): string[] {
  const specs = [chartDir];
  for (const raw of helmignore.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const pattern = line.replace(/^\/+|\/+$/g, '');
    if (!pattern) continue;
    const anchored = line.startsWith('/') || pattern.includes('/');
    for (const base of anchored ? [`${chartDir}/${pattern}`] : [`${chartDir}/${pattern}`, `${chartDir}/**/${pattern}`]) {
      specs.push(`:(exclude,glob)${base}`, `:(exclude,glob)${base}/**`);
    }
  }
  return specs;
}

/** SOURCE_DATE_EPOCH, validated; undefined when unset. */
export function sourceDateEpoch(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new Error(`SOURCE_DATE_EPOCH "${value}" is not a whole number of seconds`);
  return Number(value);
}

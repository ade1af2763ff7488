// npm run lint (chart part): `helm lint --strict` under Helm 3 and Helm 4, for the default values and
// every ci/ scenario.
import { helmArgs, scenarioFiles } from './chart.ts';
import { helmMajors, runHelm } from './helm.ts';

const scenarios = [undefined, ...scenarioFiles];
let failures = 0;
for (const major of helmMajors) {
  for (const scenario of scenarios) {
    const result = await runHelm(major, helmArgs('lint', { files: scenario ? [scenario] : [] }));
    const label = `${major} lint --strict ${scenario ?? '(default values)'}`;
    if (result.code === 0) console.log(`ok    ${label}`);
    else {
      failures += 1;
      console.error(`FAIL  ${label}\n${result.stdout}${result.stderr}`);
    }
  }
}
if (failures > 0) {
  console.error(`lint-chart: ${failures} lint run(s) failed`);
  process.exit(1);
}

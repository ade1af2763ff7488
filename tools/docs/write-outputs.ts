// `npm run docs:outputs`: regenerate the example output in the docs from real runs (tools/docs/outputs.ts).
import { repoRoot } from '../helm.ts';
import { generateOutputs, writeOutputs } from './outputs.ts';

const changed = writeOutputs(repoRoot, await generateOutputs());
console.log(changed.length ? `docs:outputs: rewrote ${changed.join(', ')}` : 'docs:outputs: every example output is current.');

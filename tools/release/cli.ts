// npm run release -- --registry oci://HOST/NAMESPACE [--version X.Y.Z] [--app-version TAG] [--dry-run]
// [--plain-http] [--sign --key NAME --keyring PATH]. Every failure ends with one line,
// "release: <reason>", on stderr and a non-zero exit; dist/ is written only once everything passed.
import { parseReleaseArgs, usage } from './args.ts';
import { reasonOf } from './errors.ts';
import { release } from './pipeline.ts';

try {
  const parsed = parseReleaseArgs(process.argv.slice(2), process.env);
  if (parsed.help) {
    console.log(usage);
  } else {
    await release(parsed.options, {
      out: (line) => console.log(line),
      err: (text) => {
        if (text) console.error(text);
      },
      env: process.env,
    });
  }
} catch (error) {
  console.error(`release: ${reasonOf(error)}`);
  process.exitCode = 1;
}

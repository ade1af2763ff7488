"""Validates Kubernetes objects with kubernetes-validate's own library, as its CLI does with --strict,
for as long as one test worker runs: the CLI cost ~0.8 s of CPU per call, starting Python and reading
its definitions file again for every object. Reads one JSON request per line,
{"version": "1.32.0", "objects": [...]}, and answers one JSON line: the CLI's ERROR/FATAL lines."""
import contextlib
import functools
import io
import json
import sys

import kubernetes_validate.utils as utils

# The schema files do not change while the worker runs; the library reads them per object.
utils.schema_contents = functools.lru_cache(maxsize=None)(utils.schema_contents)

for line in sys.stdin:
    request = json.loads(line)
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        for resource in request["objects"]:
            utils.validate_resource(resource, "objects.yaml", request["version"], strict=True, quiet=True, no_warn=True)
    problems = [text for text in output.getvalue().splitlines() if text.startswith(("ERROR", "FATAL"))]
    sys.stdout.write(json.dumps(problems) + "\n")
    sys.stdout.flush()

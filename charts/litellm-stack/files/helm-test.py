# `helm test`: one check of the proxy through its Service, named by the first argument.
#   liveness: /health/liveliness answers 200.
#   models:   /v1/models with the master key lists every public model name the chart rendered
#             (EXPECTED_MODELS, a JSON list; models added through the admin UI may come on top).
# Prints what it found; exits 1 when the check fails. Standard library only (runs in the proxy image).
import json
import os
import sys
import urllib.error
import urllib.request


def get(path, headers=None):
    request = urllib.request.Request(os.environ["PROXY_URL"] + path, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


check = sys.argv[1]
if check == "liveness":
    status, body = get("/health/liveliness")
    problem = None if status == 200 else f"/health/liveliness answered {status}: {body[:200]}"
elif check == "models":
    status, body = get("/v1/models", {"Authorization": "Bearer " + os.environ["LITELLM_MASTER_KEY"]})
    if status != 200:
        problem = f"/v1/models answered {status}: {body[:200]}"
    else:
        served = {model["id"] for model in json.loads(body)["data"]}
        missing = sorted(set(json.loads(os.environ["EXPECTED_MODELS"])) - served)
        problem = f"/v1/models does not list {', '.join(missing)}" if missing else None
        print(f"/v1/models lists {len(served)} models")
else:
    problem = f"unknown check {check}"
print(problem or f"{check}: ok")
sys.exit(1 if problem else 0)

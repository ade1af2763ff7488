"""The fake providers' request validator: one HTTP server on 127.0.0.1 that the harness
(tools/conformance/validator.ts) starts with the project's .venv and stops by PID.

POST /validate {kind, path, query, headers, body, deployment, profile} answers `{}` when the provider
would accept the request, else `{"status", "body", "rule", "headers"}`: the provider's own error.
POST /sdk-call {provider, base_url, model, api_version?, extra?} calls a fake backend with the provider's
official SDK and answers the typed error it raised (sdk_errors.py).
It prints its port on the first line of stdout once it is ready.
"""
import importlib
import json
import sys
import traceback
from dataclasses import asdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from rejection import Request

#: The module that checks each provider's requests. Importing the SDKs is most of the startup, so the
#: server imports only the modules of the providers named on its command line (all when none are).
PROVIDER_MODULES = {
    "azure": "azure_openai", "openai": "azure_openai", "azure_ai": "azure_ai", "anthropic": "anthropic_messages",
    "cohere": "cohere_rerank", "bedrock": "bedrock_runtime", "gemini": "google_generate", "vertex_ai": "google_generate",
    "groq": "openai_compatible", "mistral": "openai_compatible", "openrouter": "openai_compatible",
    "hosted_vllm": "openai_compatible", "ollama": "ollama_api", "ollama_chat": "ollama_api",
}


def checks(providers: list[str]) -> dict:
    modules = sorted({PROVIDER_MODULES[provider] for provider in providers or PROVIDER_MODULES})
    return {kind: check for module in modules for kind, check in importlib.import_module(module).KINDS.items()}


CHECKS: dict = {}


class Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        try:
            payload = json.loads(self.rfile.read(int(self.headers["content-length"])))
            if self.path == "/sdk-call":
                # Only the SDK error tests call it: their SDK clients are imported then.
                status, reply = 200, json.dumps(importlib.import_module("sdk_errors").call(payload)).encode()
            else:
                rejection = CHECKS[payload["kind"]](Request(**payload))
                status, reply = 200, json.dumps(asdict(rejection) if rejection else {}).encode()
        except Exception:
            # A bug here, not a verdict: the harness records it as a rejection, so no test passes over it.
            status, reply = 500, traceback.format_exc().encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args) -> None:
        pass


if __name__ == "__main__":
    CHECKS.update(checks(sys.argv[1:]))
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    sys.stdout.close()
    server.serve_forever()

"""The fake providers' request validator: one HTTP server on 127.0.0.1 that the harness
(tools/conformance/validator.ts) starts with the project's .venv and stops by PID.

POST /validate {kind, path, query, headers, body, deployment, profile} answers `{}` when the provider
would accept the request, else `{"status", "body", "rule", "headers"}`: the provider's own error.
POST /sdk-call {provider, base_url, model, api_version?, extra?} calls a fake backend with the provider's
official SDK and answers the typed error it raised (sdk_errors.py).
It prints its port on the first line of stdout once it is ready.
"""
import json
import sys
import traceback
from dataclasses import asdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import anthropic_messages
import azure_ai
import azure_openai
import bedrock_runtime
import cohere_rerank
import google_generate
import sdk_errors
from rejection import Request

CHECKS = {**azure_openai.KINDS, **azure_ai.KINDS, **anthropic_messages.KINDS, **cohere_rerank.KINDS, **bedrock_runtime.KINDS, **google_generate.KINDS}


class Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        try:
            payload = json.loads(self.rfile.read(int(self.headers["content-length"])))
            if self.path == "/sdk-call":
                status, reply = 200, json.dumps(sdk_errors.call(payload)).encode()
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
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    sys.stdout.close()
    server.serve_forever()

"""Azure AI serverless embeddings (Cohere Embed on `*.models.ai.azure.com`): the parameters of the
official `azure-ai-inference` SDK's `EmbeddingsClient.embed`.

Two routes, two api-version rules (docs/conformance.md, "Azure AI embeddings and api-version"):
- `/embeddings` is the Azure AI Model Inference API, whose reference marks `api-version` as required;
  the SDK always sends it (default 2024-05-01-preview).
- `/v1/embeddings` is the route Cohere serves on Azure, documented without an api-version.
"""
import typing

from azure.ai.inference import EmbeddingsClient

from rejection import Rejection, Request
from sdk import errors, params_adapter

# `embed` is overloaded; the first overload is the typed keyword form, one keyword per body field.
_embed = params_adapter("EmbeddingsOptions", typing.get_overloads(EmbeddingsClient.embed)[0], skip=("model_extras",))


def _error(rule: str, status: int, code: str, message: str) -> Rejection:
    return Rejection(status, {"error": {"code": code, "message": message, "status": status}}, rule)


def embeddings(request: Request) -> Rejection | None:
    if request.path.endswith("/embeddings") and not request.path.endswith("/v1/embeddings") and "api-version" not in request.query:
        return _error("azure-ai:api-version-required", 400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.")
    found = errors(_embed, request.body)
    if found:
        return _error("sdk:azure.ai.inference.EmbeddingsClient.embed", 422, "Invalid input", "; ".join(found))
    return None


KINDS = {"azure-ai-embeddings": embeddings}

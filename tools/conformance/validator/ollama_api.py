"""Ollama's own API (`/api/chat` for LiteLLM's `ollama_chat/`, `/api/generate` for `ollama/`, `/api/embed`
for its embeddings): the `ollama` SDK's ChatRequest, GenerateRequest and EmbedRequest. Like the other
fakes it refuses top-level keys the types do not know (Ollama's Go server ignores them: a dropped
parameter is one the user's config wrongly believes applied); no auth (Ollama has none)."""
from ollama._types import ChatRequest, EmbedRequest, GenerateRequest
from pydantic import ConfigDict

from rejection import Rejection, Request
from sdk import errors, strict_adapter


def _strict(model: type) -> type:
    return type(f"Strict{model.__name__}", (model,), {"model_config": ConfigDict(extra="forbid")})


_types = {"ollama-chat": ("ChatRequest", ChatRequest), "ollama-generate": ("GenerateRequest", GenerateRequest), "ollama-embed": ("EmbedRequest", EmbedRequest)}
_adapters = {kind: (name, strict_adapter(_strict(model))) for kind, (name, model) in _types.items()}


def check(request: Request) -> Rejection | None:
    name, adapter = _adapters[request.kind]
    found = errors(adapter, request.body)
    # Ollama's error body: a bare message.
    return Rejection(400, {"error": "; ".join(found)}, f"sdk:ollama.{name}") if found else None


KINDS = {kind: check for kind in _types}

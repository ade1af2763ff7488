"""Azure OpenAI (`/openai/deployments/<name>/…?api-version=`) and OpenAI itself (`/v1/…`): request
types of the `openai` SDK, plus the per-deployment rules the services enforce that the types cannot
express. The bodies are the same; only Azure requires the api-version."""
from openai.types import embedding_create_params, image_generate_params
from openai.types.chat import completion_create_params

from cost_map import is_reasoning
from rejection import Rejection, Request
from sdk import errors, strict_adapter

_chat = {
    False: strict_adapter(completion_create_params.CompletionCreateParamsNonStreaming),
    True: strict_adapter(completion_create_params.CompletionCreateParamsStreaming),
}
_embeddings = strict_adapter(embedding_create_params.EmbeddingCreateParams)
_images = strict_adapter(image_generate_params.ImageGenerateParams)


def _error(rule: str, message: str, param: str | None, code: str, status: int = 400) -> Rejection:
    return Rejection(status, {"error": {"message": message, "type": "invalid_request_error", "param": param, "code": code}}, rule)


def _api_version(request: Request) -> Rejection | None:
    if "api-version" not in request.query:
        # Azure's answer to a data-plane call without the version.
        return Rejection(404, {"error": {"code": "404", "message": "Resource not found"}}, "azure:api-version-required")
    return None


def _sdk(rule: str, adapter, request: Request) -> Rejection | None:
    found = errors(adapter, request.body)
    return _error(rule, "; ".join(found), found[0].split(":")[0], "invalid_request_error") if found else None


def chat_body(request: Request) -> Rejection | None:
    body = request.body
    streaming = isinstance(body, dict) and body.get("stream") is True
    rejection = _sdk(f"sdk:openai.CompletionCreateParams{'Streaming' if streaming else 'NonStreaming'}", _chat[streaming], request)
    if rejection:
        return rejection
    if is_reasoning(request.profile):
        # openai CompletionCreateParams.max_tokens: "not compatible with o-series models"; the service
        # answers with these messages for every reasoning deployment (o-series, gpt-5), whatever its name.
        if "max_tokens" in body:
            return _error("reasoning:max_tokens", "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", "max_tokens", "unsupported_parameter")
        if body.get("temperature") not in (None, 1):
            return _error("reasoning:temperature", f"Unsupported value: 'temperature' does not support {body['temperature']} with this model. Only the default (1) value is supported.", "temperature", "unsupported_value")
    return None


def embeddings_body(request: Request) -> Rejection | None:
    rejection = _sdk("sdk:openai.EmbeddingCreateParams", _embeddings, request)
    if rejection:
        return rejection
    # openai EmbeddingCreateParams.dimensions: "Only supported in `text-embedding-3` and later models."
    if "dimensions" in request.body and not request.profile.get("model", "").startswith("text-embedding-3"):
        return _error("embeddings:dimensions", "This model does not support specifying dimensions.", "dimensions", "invalid_value")
    return None


def images(request: Request) -> Rejection | None:
    rejection = _api_version(request) or _sdk("sdk:openai.ImageGenerateParams", _images, request)
    if rejection:
        return rejection
    if request.profile.get("model", "").startswith("gpt-image-1"):
        # Azure serves gpt-image-1 from api-version 2025-04-01-preview on.
        if request.query["api-version"][:10] < "2025-04-01":
            return _error("gpt-image-1:api-version", f"The gpt-image-1 model is not supported with API version {request.query['api-version']}; use 2025-04-01-preview or later.", None, "OperationNotSupported")
        # openai ImageGenerateParams.response_format: "This parameter isn't supported for `gpt-image-1`".
        if "response_format" in request.body:
            return _error("gpt-image-1:response_format", "Unknown parameter: 'response_format'.", "response_format", "unknown_parameter")
    return None


def chat(request: Request) -> Rejection | None:
    return _api_version(request) or chat_body(request)


def embeddings(request: Request) -> Rejection | None:
    return _api_version(request) or embeddings_body(request)


def _bearer(request: Request) -> Rejection | None:
    if not request.headers.get("authorization", "").startswith("Bearer "):
        # OpenAI's answer to a request without a key.
        return Rejection(401, {"error": {"message": "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", "type": "invalid_request_error", "param": None, "code": None}}, "openai:authorization-required")
    return None


KINDS = {
    "azure-chat": chat,
    "azure-embeddings": embeddings,
    "azure-images": images,
    "openai-chat": lambda request: _bearer(request) or chat_body(request),
    "openai-embeddings": lambda request: _bearer(request) or embeddings_body(request),
}

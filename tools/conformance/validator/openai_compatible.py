"""Chat APIs in OpenAI's shape that are not OpenAI: Groq (`/openai/v1/chat/completions`, the `groq` SDK's
request types), Mistral (`/v1/chat/completions`, the `mistralai` SDK's ChatCompletionRequest), and the
ones without an SDK of their own, checked with the `openai` SDK's types plus their documented extras:
OpenRouter (`/api/v1/chat/completions`) and vLLM's OpenAI server (`<apiBase>/chat/completions`). Each
answers with its own error body; each wants `Authorization: Bearer <key>` (vLLM only when started with a key)."""
from typing import Any, Dict, List, Union

from groq.types.chat import completion_create_params as groq_params
from mistralai.models import ChatCompletionRequest
from openai.types.chat.completion_create_params import CompletionCreateParamsNonStreaming, CompletionCreateParamsStreaming
from pydantic import ConfigDict

from rejection import Rejection, Request
from sdk import errors, strict_adapter

# groq's one type covers streaming and not (stream: Optional[bool]).
_groq = strict_adapter(groq_params.CompletionCreateParams)


class MistralChatCompletionRequest(ChatCompletionRequest):
    # The SDK's model ignores unknown keys; Mistral's API refuses them (422, extra_forbidden).
    model_config = ConfigDict(extra="forbid")


_mistral = strict_adapter(MistralChatCompletionRequest)


class OpenRouterExtras(CompletionCreateParamsNonStreaming, total=False):
    """OpenRouter's documented request fields beyond OpenAI's (its API reference, "Request")."""
    models: List[str]
    route: str
    provider: Dict[str, Any]
    transforms: List[str]
    reasoning: Dict[str, Any]
    usage: Dict[str, Any]
    plugins: List[Dict[str, Any]]
    top_k: float
    repetition_penalty: float
    min_p: float
    top_a: float


class VllmExtras(CompletionCreateParamsNonStreaming, total=False):
    """vLLM's sampling and chat-template parameters beyond OpenAI's (its OpenAI-compatible server docs,
    "Extra parameters"). vLLM itself ignores other unknown keys with a warning; the fake refuses them,
    since a parameter the server drops is one the user's config wrongly believes applied."""
    top_k: int
    min_p: float
    repetition_penalty: float
    length_penalty: float
    min_tokens: int
    best_of: int
    use_beam_search: bool
    ignore_eos: bool
    skip_special_tokens: bool
    spaces_between_special_tokens: bool
    truncate_prompt_tokens: int
    chat_template: str
    chat_template_kwargs: Dict[str, Any]
    add_generation_prompt: bool
    guided_json: Union[str, Dict[str, Any]]
    guided_regex: str
    guided_choice: List[str]
    guided_grammar: str


_openrouter = strict_adapter(OpenRouterExtras)
_vllm = strict_adapter(VllmExtras)


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    return header[len("Bearer "):] if header.startswith("Bearer ") else None


def _streaming(request: Request) -> bool:
    return isinstance(request.body, dict) and request.body.get("stream") is True


def _extended(adapter, request: Request) -> list[str]:
    # The extras extend the non-streaming type; a streaming body is checked without its stream fields.
    body = request.body
    if _streaming(request):
        body = {key: value for key, value in body.items() if key not in ("stream", "stream_options")}
    return errors(adapter, body)


def groq(request: Request) -> Rejection | None:
    def error(status: int, message: str, code: str, rule: str) -> Rejection:
        return Rejection(status, {"error": {"message": message, "type": "invalid_request_error", "code": code}}, rule)
    if _bearer(request) != request.auth.get("apiKey"):
        return error(401, "Invalid API Key", "invalid_api_key", "groq:api-key")
    found = errors(_groq, request.body)
    return error(400, "; ".join(found), "invalid_request_error", "sdk:groq.CompletionCreateParams") if found else None


def mistral(request: Request) -> Rejection | None:
    if _bearer(request) != request.auth.get("apiKey"):
        return Rejection(401, {"message": "Unauthorized", "request_id": "fake"}, "mistral:api-key")
    found = errors(_mistral, request.body)
    if found:
        return Rejection(422, {"object": "error", "message": {"detail": found}, "type": "invalid_request_message_error", "param": None, "code": None}, "sdk:mistralai.ChatCompletionRequest")
    return None


def openrouter(request: Request) -> Rejection | None:
    if _bearer(request) != request.auth.get("apiKey"):
        return Rejection(401, {"error": {"message": "No auth credentials found", "code": 401}}, "openrouter:api-key")
    found = _extended(_openrouter, request)
    return Rejection(400, {"error": {"message": "; ".join(found), "code": 400}}, "sdk:openai.CompletionCreateParams+openrouter") if found else None


def vllm(request: Request) -> Rejection | None:
    key = request.auth.get("apiKey")
    if key and _bearer(request) != key:
        return Rejection(401, {"error": "Unauthorized"}, "vllm:api-key")
    found = _extended(_vllm, request)
    return Rejection(400, {"object": "error", "message": "; ".join(found), "type": "BadRequestError", "param": None, "code": 400}, "sdk:openai.CompletionCreateParams+vllm") if found else None


KINDS = {"groq-chat": groq, "mistral-chat": mistral, "openrouter-chat": openrouter, "vllm-chat": vllm}

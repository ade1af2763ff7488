"""Anthropic Messages (`<base>/v1/messages`, also on Azure AI Foundry's `/anthropic`): request types of
the `anthropic` SDK, plus the extended-thinking and prompt-caching limits of the API."""
from typing import Any, Iterator

from anthropic.types import message_create_params

from rejection import Rejection, Request
from sdk import errors, strict_adapter

_messages = {
    False: strict_adapter(message_create_params.MessageCreateParamsNonStreaming),
    True: strict_adapter(message_create_params.MessageCreateParamsStreaming),
}

#: Anthropic's prompt-caching limit: at most 4 blocks with cache_control per request.
MAX_CACHE_BREAKPOINTS = 4


def _error(rule: str, message: str, status: int = 400, kind: str = "invalid_request_error") -> Rejection:
    return Rejection(status, {"type": "error", "error": {"type": kind, "message": message}}, rule)


def _cache_controls(value: Any) -> Iterator[None]:
    if isinstance(value, dict):
        if value.get("cache_control") is not None:
            yield None
        for item in value.values():
            yield from _cache_controls(item)
    elif isinstance(value, list):
        for item in value:
            yield from _cache_controls(item)


def body_problem(body: Any) -> tuple[str, str] | None:
    """The rule a Messages body breaks and Anthropic's message for it (also the body of Bedrock's InvokeModel)."""
    streaming = isinstance(body, dict) and body.get("stream") is True
    found = errors(_messages[streaming], body)
    if found:
        return f"sdk:anthropic.MessageCreateParams{'Streaming' if streaming else 'NonStreaming'}", "; ".join(found)
    thinking = body.get("thinking") or {}
    if thinking.get("type") == "enabled":
        budget = thinking["budget_tokens"]
        # anthropic ThinkingConfigEnabledParam.budget_tokens: "Must be ≥1024 and less than `max_tokens`."
        if budget < 1024:
            return "thinking:budget-min", "thinking.enabled.budget_tokens: Input should be greater than or equal to 1024"
        if budget >= body["max_tokens"]:
            return "thinking:budget-below-max-tokens", "`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size"
        # Extended thinking is not compatible with temperature or top_k modifications (Anthropic docs).
        if body.get("temperature") not in (None, 1):
            return "thinking:temperature", "`temperature` may only be set to 1 when thinking is enabled. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#feature-compatibility"
        if "top_k" in body:
            return "thinking:top_k", "`top_k` must be unset when thinking is enabled. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#feature-compatibility"
    breakpoints = sum(1 for _ in _cache_controls({key: body.get(key) for key in ("system", "tools", "messages")}))
    if breakpoints > MAX_CACHE_BREAKPOINTS:
        return "cache_control:max-4", f"A maximum of {MAX_CACHE_BREAKPOINTS} blocks with cache_control may be provided. Found {breakpoints}."
    return None


def messages(request: Request) -> Rejection | None:
    if request.headers.get("anthropic-version") is None:
        return _error("anthropic:version-header", "anthropic-version: header is required")
    found = body_problem(request.body)
    return _error(*found) if found else None


KINDS = {"anthropic-messages": messages}
